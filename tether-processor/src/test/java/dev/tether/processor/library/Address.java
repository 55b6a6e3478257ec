package dev.tether.processor.library;

import dev.tether.Column;
import dev.tether.Embeddable;

/** A postal address, embedded in its owner's table; {@link Geo} nests in it. */
@Embeddable
public record Address(String street, @Column(length = 40) String city, Geo geo) {}
