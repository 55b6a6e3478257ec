/**
 * Spring Boot auto-configuration for Tether ({@link
 * dev.tether.spring.boot.TetherAutoConfiguration}) and its {@code tether.*} properties ({@link
 * dev.tether.spring.boot.TetherProperties}).
 */
package dev.tether.spring.boot;
