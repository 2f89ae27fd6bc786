package io.databridge.sample;

/**
 * A projection of a customer: two columns instead of the whole row.
 *
 * @param id the id
 * @param email the email
 */
public record CustomerSummary(long id, String email) {}
