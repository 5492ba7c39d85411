package vn.healthgate.simulator.data;

/** A reception staff member registered under a facility's portal account. */
public record Officer(String fullName, String cccd) {}
