/** Tags, in a package of their own to show that relationships and metamodels cross packages. */
package dev.tether.processor.library.tags;
