package org.flywaydb.core;

/** Stands in for Flyway's entry point, so a test can define a Flyway bean without Flyway on the class path. */
public class Flyway {}
