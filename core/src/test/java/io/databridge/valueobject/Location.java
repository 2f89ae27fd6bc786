package io.databridge.valueobject;

import java.util.Objects;

/** A class value object (no-arg constructor, mutable fields), with a primitive. */
public class Location {
    String city;
    int floor;

    Location() {}

    public Location(String city, int floor) {
        this.city = city;
        this.floor = floor;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Location location && location.floor == floor && Objects.equals(location.city, city);
    }

    @Override
    public int hashCode() {
        return Objects.hash(city, floor);
    }

    @Override
    public String toString() {
        return "Location[" + city + ", " + floor + "]";
    }
}
