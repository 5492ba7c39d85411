package vn.healthgate.gateway.operations.audit;

/**
 * One entry's fields as they are stored and hashed: control, format and line-separator characters (and unpaired surrogates)
 * removed, each cut to its column's size ({@code V4__audit_log.sql}), the required ones never null. So the contents of a field
 * can never make the database refuse a row, nor break a log line or a verifier's output.
 */
record AuditFields(String actor, String facilityCode, String action, String documentId, String result, String correlationId) {
  static final int ACTOR = 40;
  static final int FACILITY_CODE = 5;
  static final int ACTION = 200;
  static final int DOCUMENT_ID = 100;
  static final int RESULT = 60;
  static final int CORRELATION_ID = 64;
  /** Stands for a required field that was not given. */
  static final String MISSING = "-";

  static AuditFields of(String actor, String facilityCode, String action, String documentId, String result, String correlationId) {
    return new AuditFields(required(actor, ACTOR), optional(facilityCode, FACILITY_CODE), required(action, ACTION),
        optional(documentId, DOCUMENT_ID), required(result, RESULT), optional(correlationId, CORRELATION_ID));
  }

  private static String required(String text, int max) {
    String cleaned = optional(text, max);
    return cleaned == null || cleaned.isEmpty() ? MISSING : cleaned;
  }

  private static String optional(String text, int max) {
    if (text == null) {
      return null;
    }
    StringBuilder kept = new StringBuilder(Math.min(text.length(), max));
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (!storable(c)) {
        continue;
      }
      if (kept.length() + Character.charCount(c) > max) {
        break;
      }
      kept.appendCodePoint(c);
    }
    return kept.toString();
  }

  /** Not a control (Cc), format (Cf), line or paragraph separator, nor half of a surrogate pair. */
  private static boolean storable(int c) {
    int type = Character.getType(c);
    return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE;
  }
}
