package vn.healthgate.gateway;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Valid check-in and certificate request bodies for the delivery tests. */
final class DocumentSamples {
  private DocumentSamples() {}

  static Map<String, Object> certificate(String facility, int serial) {
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("fullName", "VÕ HỮU BÌNH");
    person.put("sex", "MALE");
    person.put("birthDate", "1989-11-10");
    person.put("idNumber", "070089868934");
    person.put("idIssuedOn", "2021-03-15");
    person.put("idIssuedBy", "Cục Cảnh sát QLHC về TTXH");
    person.put("address", Map.of("line", "Ấp 2, Đồng Phú, Bình Phước", "provinceCode", "70", "districtCode", "697", "communeCode", "25261"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("number", String.format("%05d/GKSKLX/%s/%02d", serial, facility, LocalDate.now().getYear() % 100));
    body.put("facilityCode", facility);
    body.put("person", person);
    body.put("licenceClass", "B");
    body.put("alcohol", Map.of("value", "0", "unit", "MG_PER_L_BREATH"));
    body.put("drugTest", "NEGATIVE");
    body.put("conclusion", new LinkedHashMap<>(Map.of("code", "FIT", "doctor", "NGUYỄN THỊ LAN", "date", LocalDate.now().minusDays(1).toString())));
    return body;
  }

  static Map<String, Object> checkIn(String facility, String episode) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("facilityCode", facility);
    body.put("episodeId", episode);
    body.put("patientId", "BN-" + episode);
    body.put("fullName", "NGUYỄN VĂN AN");
    body.put("cccd", "070090000123");
    body.put("birthDate", "1990-01-01");
    body.put("sex", "MALE");
    body.put("cardNumber", "HN4707014012731");
    body.put("visitCategory", "1.1");
    body.put("arrivedAt", LocalDate.now().minusDays(1) + "T08:00:00+07:00");
    body.put("visitType", "01");
    body.put("firstService", Map.of("code", "02.1896", "name", "Khám Nội"));
    body.put("orderedAt", LocalDate.now().minusDays(1) + "T08:15:00+07:00");
    return body;
  }
}
