package vn.healthgate.routes.delivery;

import java.time.LocalDate;

/** The card as the latest eligibility check saw it, to fill a check-in's card fields. */
public record CardSnapshot(String cardNumber, String registeredFacility, LocalDate validFrom, LocalDate validTo) {}
