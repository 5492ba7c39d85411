package vn.healthgate.routes.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated document in the portal's own field names and formats, in the portal's order: the
 * {@code TRANG_THAI_KCB} elements of XML 0, or the certificate's fields (without {@code SIGNDATA}).
 * {@code warnings} tell the sender what was mapped (e.g. a pre-2025 licence class).
 */
public record PortalDocument(DocumentKind kind, String facilityCode, String businessKey, String operation, Map<String, String> fields, List<String> warnings) {
  public PortalDocument {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    warnings = List.copyOf(warnings);
  }

  @Override
  public String toString() {
    return "PortalDocument[" + kind + " " + businessKey + "]";
  }
}
