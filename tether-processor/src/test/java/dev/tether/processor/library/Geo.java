package dev.tether.processor.library;

import dev.tether.Embeddable;

/** A position: two primitive components, nested in {@link Address}. */
@Embeddable
public record Geo(double lat, double lon) {}
