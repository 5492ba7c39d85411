package vn.healthgate.gateway;

/** The delivery scenarios on the default database (H2 file). */
class DeliveryIT extends DeliveryScenarios {}
