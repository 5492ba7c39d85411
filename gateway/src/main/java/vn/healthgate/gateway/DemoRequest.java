package vn.healthgate.gateway;

/** The sample eligibility check printed at start-up and in README.md (a seeded simulator citizen of facility 70001). */
final class DemoRequest {
  static final String JSON = "{\"facilityCode\":\"70001\",\"cccd\":\"070089868934\",\"fullName\":\"VÕ HỮU BÌNH\",\"birthDate\":\"1989-11-10\","
      + "\"officer\":{\"fullName\":\"NGÔ NGỌC GIANG\",\"cccd\":\"070186171117\"}}";

  private DemoRequest() {}
}
