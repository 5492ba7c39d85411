package vn.healthgate.routes.error;

/**
 * The one catalogue of the gateway's error codes: stable, greppable, each with its HTTP status and
 * a message in English and Vietnamese. Never rename a code: clients program against it.
 */
public enum ErrorCode {
  JSON_MALFORMED("GW-JSON-MALFORMED", 400, "The request body is not well-formed JSON (or XML, for FHIR), or not valid UTF-8.", "Nội dung yêu cầu không phải JSON (hoặc XML, với FHIR) hợp lệ, hoặc không đúng mã UTF-8."),
  BODY_TOO_LARGE("GW-BODY-TOO-LARGE", 413, "The request body is larger than the gateway accepts.", "Nội dung yêu cầu vượt quá kích thước cho phép."),
  JSON_LIMITS("GW-JSON-LIMITS", 400, "The JSON is nested too deeply or has a value that is too long.", "JSON lồng quá sâu hoặc có giá trị quá dài."),
  REQUEST_REJECTED("GW-REQUEST-REJECTED", 400, "The request's path or query is ambiguous or malformed (an encoded slash, dot, percent sign or letter, ';' parameters, '..' or '//' segments, a broken %-escape, control characters). Send the canonical form.", "Đường dẫn hoặc tham số của yêu cầu mơ hồ hoặc sai (dấu /, dấu ., dấu % hoặc chữ cái đã mã hóa, tham số ';', đoạn '..' hoặc '//', mã % hỏng, ký tự điều khiển). Hãy gửi dạng chuẩn."),
  HTTP_MALFORMED("GW-HTTP-MALFORMED", 400, "The HTTP request is malformed (request line, headers, transfer encoding or chunked body).", "Yêu cầu HTTP sai cú pháp (dòng yêu cầu, header, mã hóa truyền hoặc nội dung chia khối)."),
  PARAMETER_INVALID("GW-PARAMETER-INVALID", 400, "A query parameter or header has an invalid value (see field).", "Tham số truy vấn hoặc header có giá trị không hợp lệ (xem field)."),
  XML_DOCTYPE("GW-XML-DOCTYPE", 400, "XML bodies may not carry a DOCTYPE (no DTDs, no entities).", "Nội dung XML không được chứa DOCTYPE (không DTD, không entity)."),
  CONTENT_TYPE("GW-CONTENT-TYPE", 415, "Send the body as application/json (FHIR: application/fhir+json).", "Hãy gửi nội dung dạng application/json (FHIR: application/fhir+json)."),
  NOT_ACCEPTABLE("GW-NOT-ACCEPTABLE", 406, "The requested response format is not available.", "Không hỗ trợ định dạng phản hồi được yêu cầu."),
  NOT_FOUND("GW-NOT-FOUND", 404, "No such resource.", "Không tìm thấy tài nguyên."),
  METHOD_NOT_ALLOWED("GW-METHOD-NOT-ALLOWED", 405, "This method is not allowed here.", "Phương thức không được phép."),
  FORBIDDEN("GW-FORBIDDEN", 403, "You may not do this here.", "Bạn không được phép thực hiện thao tác này."),
  AUTH_MISSING("GW-AUTH-MISSING", 401, "Identify yourself: a client certificate on the HTTPS port (development run only: the X-Api-Key header).", "Thiếu định danh: chứng thư máy khách trên cổng HTTPS (chỉ môi trường phát triển: header X-Api-Key)."),
  AUTH_INVALID("GW-AUTH-INVALID", 401, "The API key is not known.", "API key không hợp lệ."),
  AUTH_CERT_REVOKED("GW-AUTH-CERT-REVOKED", 401, "The client certificate has been revoked. Ask the provincial admins for a new one.", "Chứng thư máy khách đã bị thu hồi. Liên hệ quản trị của tỉnh để được cấp mới."),
  AUTH_CERT_REJECTED("GW-AUTH-CERT-REJECTED", 401, "The client certificate is not accepted (expired, not yet valid, not from the facility CA, not a client certificate, or naming nobody).", "Chứng thư máy khách không được chấp nhận (hết hạn, chưa hiệu lực, không do CA của tỉnh cấp, không dùng cho máy khách, hoặc không định danh)."),
  FACILITY_NOT_ONBOARDED("GW-FACILITY-NOT-ONBOARDED", 403, "The certificate names a facility that is not onboarded at the gateway.", "Chứng thư định danh một cơ sở chưa được đăng ký với cổng kết nối."),
  ADMIN_ACTION_HEADER("GW-ADMIN-ACTION-HEADER", 403, "An admin action from a browser session must come from the gateway's own pages (same origin, or the X-Requested-By header).", "Thao tác quản trị từ phiên trình duyệt phải xuất phát từ chính trang của cổng kết nối (cùng nguồn, hoặc header X-Requested-By)."),
  FACILITY_ONLY("GW-FACILITY-ONLY", 403, "This endpoint acts for a facility; an admin identity cannot call it.", "Chức năng này dành cho cơ sở KCB; tài khoản quản trị không gọi được."),
  FACILITY_FORBIDDEN("GW-FACILITY-FORBIDDEN", 403, "The facility in the request is not the facility you are authenticated as.", "Mã cơ sở trong yêu cầu không khớp với cơ sở đã xác thực."),
  RATE_LIMITED("GW-RATE-LIMITED", 429, "Too many requests from this facility; retry after the time in Retry-After.", "Cơ sở gửi quá nhiều yêu cầu; vui lòng thử lại sau thời gian trong Retry-After."),
  FACILITY_MISSING("GW-FACILITY-MISSING", 422, "facilityCode is required.", "Thiếu mã cơ sở KCB (facilityCode)."),
  FACILITY_UNKNOWN("GW-FACILITY-UNKNOWN", 422, "This facility is not onboarded at the gateway.", "Cơ sở KCB chưa được đăng ký với cổng kết nối."),
  PATIENT_ID_MISSING("GW-PATIENT-ID-MISSING", 422, "Give one of cccd, qr or cardNumber.", "Cần một trong các trường: cccd, qr hoặc cardNumber."),
  PATIENT_ID_AMBIGUOUS("GW-PATIENT-ID-AMBIGUOUS", 422, "Give only one of cccd, qr or cardNumber.", "Chỉ gửi một trong các trường: cccd, qr hoặc cardNumber."),
  CCCD_FORMAT("GW-CCCD-FORMAT", 422, "A CCCD number has exactly 12 digits.", "Số CCCD phải gồm đúng 12 chữ số."),
  CCCD_PROVINCE("GW-CCCD-PROVINCE", 422, "The first three digits of the CCCD are not a known province code.", "Ba chữ số đầu của CCCD không phải mã tỉnh hợp lệ."),
  CCCD_CENTURY("GW-CCCD-CENTURY", 422, "The 4th digit of the CCCD (century and sex) contradicts the birth year.", "Chữ số thứ 4 của CCCD (thế kỷ và giới tính) không khớp với năm sinh."),
  CCCD_BIRTHYEAR("GW-CCCD-BIRTHYEAR", 422, "Digits 5-6 of the CCCD contradict the birth year.", "Chữ số thứ 5-6 của CCCD không khớp với năm sinh."),
  CCCD_SEX("GW-CCCD-SEX", 422, "The 4th digit of the CCCD contradicts the sex.", "Chữ số thứ 4 của CCCD không khớp với giới tính."),
  QR_FIELDS("GW-QR-FIELDS", 422, "A CCCD QR code has 7 fields separated by |.", "Mã QR CCCD phải có 7 trường phân cách bởi dấu |."),
  QR_FORMAT("GW-QR-FORMAT", 422, "A field of the CCCD QR code is not in the expected format.", "Một trường của mã QR CCCD không đúng định dạng."),
  QR_ISSUE_DATE("GW-QR-ISSUE-DATE", 422, "The issue date in the CCCD QR code (its 7th field) is before the birth date or in the future.", "Ngày cấp trong mã QR CCCD (trường thứ 7) trước ngày sinh hoặc ở tương lai."),
  CARD_FORMAT("GW-CARD-FORMAT", 422, "cardNumber is a 15-character card code (e.g. DN4701234567890) or a 10-digit social-insurance number.", "Mã thẻ phải gồm 15 ký tự (ví dụ DN4701234567890) hoặc là mã số BHXH 10 chữ số."),
  NAME_MISSING("GW-NAME-MISSING", 422, "fullName is required (or a qr that carries it).", "Thiếu họ tên (fullName), hoặc gửi mã QR có họ tên."),
  NAME_FORMAT("GW-NAME-FORMAT", 422, "fullName may hold only letters, spaces, apostrophes, dots and hyphens (at most 255).", "Họ tên chỉ gồm chữ cái, khoảng trắng, dấu nháy, dấu chấm, gạch nối (tối đa 255 ký tự)."),
  BIRTHDATE_MISSING("GW-BIRTHDATE-MISSING", 422, "birthDate is required (or a qr that carries it).", "Thiếu ngày sinh (birthDate), hoặc gửi mã QR có ngày sinh."),
  BIRTHDATE_FORMAT("GW-BIRTHDATE-FORMAT", 422, "birthDate is yyyy-MM-dd, or yyyy when only the year is known.", "Ngày sinh theo dạng yyyy-MM-dd, hoặc yyyy nếu chỉ biết năm sinh."),
  BIRTHDATE_FUTURE("GW-BIRTHDATE-FUTURE", 422, "birthDate is in the future.", "Ngày sinh ở tương lai."),
  SEX_INVALID("GW-SEX-INVALID", 422, "sex is MALE, FEMALE or UNDETERMINED.", "Giới tính là MALE, FEMALE hoặc UNDETERMINED."),
  OFFICER_MISSING("GW-OFFICER-MISSING", 422, "officer (fullName and cccd of the reception staff member) is required.", "Thiếu thông tin cán bộ tra cứu (officer: họ tên và CCCD)."),
  OFFICER_INVALID("GW-OFFICER-INVALID", 422, "officer.fullName (the reception officer's full name) is required and may hold only letters, spaces, apostrophes, dots and hyphens.", "Họ tên cán bộ tra cứu (officer.fullName) là bắt buộc và chỉ gồm chữ cái, khoảng trắng, dấu nháy, dấu chấm, gạch nối."),
  OFFICER_CCCD_FORMAT("GW-OFFICER-CCCD-FORMAT", 422, "officer.cccd (the reception officer's CCCD) is required and has exactly 12 digits.", "CCCD của cán bộ tra cứu (officer.cccd) là bắt buộc và phải gồm đúng 12 chữ số."),
  OFFICER_CCCD_PROVINCE("GW-OFFICER-CCCD-PROVINCE", 422, "The first three digits of officer.cccd (the reception officer's CCCD) are not a known province code.", "Ba chữ số đầu của CCCD cán bộ tra cứu (officer.cccd) không phải mã tỉnh hợp lệ."),
  FHIR_REQUEST_INVALID("GW-FHIR-INVALID", 422, "The FHIR resource lacks what the operation needs.", "Tài nguyên FHIR thiếu thông tin cần thiết."),
  FIELD_REQUIRED("GW-FIELD-REQUIRED", 422, "A required field is missing (see field).", "Thiếu trường bắt buộc (xem field)."),
  FIELD_FORMAT("GW-FIELD-FORMAT", 422, "A field is not in the expected format (see field).", "Một trường không đúng định dạng (xem field)."),
  TEXT_CHARACTERS("GW-TEXT-CHARACTERS", 422, "A text field holds characters a signed XML document cannot carry: control characters, lone surrogates or non-characters (see field).", "Một trường văn bản chứa ký tự không thể đưa vào tài liệu XML có chữ ký: ký tự điều khiển, surrogate đơn lẻ hoặc ký tự không hợp lệ (xem field)."),
  FIELD_TOO_LONG("GW-FIELD-TOO-LONG", 422, "A field is longer than the portal accepts (see field).", "Một trường dài hơn mức Cổng chấp nhận (xem field)."),
  DATE_IN_FUTURE("GW-DATE-FUTURE", 422, "A date or time is in the future (see field).", "Ngày giờ ở tương lai (xem field)."),
  FACILITY_MISMATCH("GW-FACILITY-MISMATCH", 422, "The facility code inside the document differs from facilityCode (see field).", "Mã cơ sở trong hồ sơ khác facilityCode (xem field)."),
  CERTIFICATE_NUMBER("GW-CERT-NUMBER", 422, "number is NNNNN/GKSKLX/<facility code>/<yy>, at most 21 characters.", "Số giấy khám phải theo dạng NNNNN/GKSKLX/<mã cơ sở>/<yy>, tối đa 21 ký tự."),
  LICENCE_CLASS("GW-LICENCE-CLASS", 422, "licenceClass is not a driving-licence class: a 2025 class (A1, A, B1, B, C1, C, D1, D2, D, BE, C1E, CE, D1E, D2E, DE), or a pre-2025 class that the 2024 law converts to one (A4 converts to none), or licenceClassSystem is neither LAW_2024 nor LAW_2008.", "Hạng giấy phép lái xe không hợp lệ: cần hạng theo Luật 2024 (A1, A, B1, B, C1, C, D1, D2, D, BE, C1E, CE, D1E, D2E, DE) hoặc hạng cũ được Luật 2024 chuyển đổi (hạng A4 không còn là hạng giấy phép lái xe), và licenceClassSystem là LAW_2024 hoặc LAW_2008."),
  ALCOHOL("GW-ALCOHOL", 422, "alcohol needs a unit (MG_PER_100ML_BLOOD or MG_PER_L_BREATH) and a value written as a plain decimal number (digits, at most 3 after a point; no sign, exponent or comma) no higher than the unit allows (1500 mg/100 ml blood, 7.5 mg/l breath).", "Nồng độ cồn cần đơn vị (MG_PER_100ML_BLOOD hoặc MG_PER_L_BREATH) và giá trị là số thập phân (chữ số, tối đa 3 chữ số sau dấu chấm; không dấu, không số mũ, không dấu phẩy) không vượt mức của đơn vị (1500 mg/100 ml máu, 7,5 mg/l khí thở)."),
  DRUG_TEST("GW-DRUG-TEST", 422, "drugTest is NEGATIVE or POSITIVE.", "Kết quả test ma túy là NEGATIVE hoặc POSITIVE."),
  CONCLUSION("GW-CONCLUSION", 422, "conclusion.code is FIT, UNFIT or FIT_WITH_REEXAMINATION.", "Kết luận là FIT, UNFIT hoặc FIT_WITH_REEXAMINATION."),
  REEXAMINATION_DATE("GW-REEXAM-DATE", 422, "A re-examination date is required for FIT_WITH_REEXAMINATION and must be after the conclusion date.", "Cần ngày khám lại cho FIT_WITH_REEXAMINATION và phải sau ngày kết luận."),
  DUPLICATE_CONFLICT("GW-DUPLICATE-CONFLICT", 409, "A different document with the same number (SO / episode id) was already received.", "Đã nhận một hồ sơ khác có cùng số (SO / mã liên kết)."),
  IDEMPOTENCY_CONFLICT("GW-IDEMPOTENCY-CONFLICT", 409, "This Idempotency-Key was used for a different request.", "Idempotency-Key này đã được dùng cho một yêu cầu khác."),
  SUBMISSION_NOT_FOUND("GW-SUBMISSION-NOT-FOUND", 404, "No such submission for this facility.", "Không tìm thấy hồ sơ của cơ sở này."),
  DOCUMENT_PURGED("GW-DOCUMENT-PURGED", 410, "The document body was purged after the retention period; its status and evidence hashes remain.", "Nội dung hồ sơ đã bị xóa sau thời hạn lưu trữ; trạng thái và mã băm đối chứng vẫn còn."),
  NOT_SIGNED_YET("GW-NOT-SIGNED-YET", 404, "The document has not been signed yet; try again shortly.", "Hồ sơ chưa được ký; vui lòng thử lại sau."),
  EDIT_NOT_ALLOWED("GW-EDIT-NOT-ALLOWED", 409, "Only a certificate the portal accepted can be corrected.", "Chỉ sửa được giấy khám đã được Cổng tiếp nhận."),
  NOT_DEAD_LETTER("GW-NOT-DEAD-LETTER", 409, "Only a dead-lettered submission can be replayed.", "Chỉ gửi lại được hồ sơ đã vào hàng lỗi (dead letter)."),
  NO_SIGNING_KEY("GW-NO-SIGNING-KEY", 422, "The facility has no signing key at the gateway: onboard its certificate first.", "Cơ sở chưa có khóa ký tại cổng kết nối: cần cấp chứng thư trước."),
  ADMIN_ONLY("GW-ADMIN-ONLY", 403, "This endpoint needs an admin identity.", "Chức năng này cần quyền quản trị."),
  PORTAL_UNAVAILABLE("GW-PORTAL-UNAVAILABLE", 503, "The insurance portal is not answering. Try again shortly.", "Cổng giám định BHYT không phản hồi. Vui lòng thử lại sau."),
  PORTAL_TIMEOUT("GW-PORTAL-TIMEOUT", 503, "The insurance portal did not answer in time. Try again shortly.", "Cổng giám định BHYT phản hồi quá thời gian. Vui lòng thử lại sau."),
  PORTAL_CIRCUIT_OPEN("GW-PORTAL-CIRCUIT-OPEN", 503, "The insurance portal is failing; lookups are paused briefly.", "Cổng giám định BHYT đang lỗi; tạm dừng tra cứu trong giây lát."),
  PORTAL_LOGIN_REFUSED("GW-PORTAL-LOGIN-REFUSED", 503, "The insurance portal refused the facility's login. Check the account, or try again shortly.", "Cổng giám định BHYT từ chối đăng nhập của cơ sở. Kiểm tra tài khoản hoặc thử lại sau."),
  AUDIT_UNAVAILABLE("GW-AUDIT-UNAVAILABLE", 503, "The audit trail could not record this request, so its answer is withheld. Retry shortly (an intake retried with the same Idempotency-Key is not stored twice).", "Không ghi được nhật ký kiểm toán cho yêu cầu này nên kết quả không được trả về. Vui lòng thử lại sau (hồ sơ gửi lại với cùng Idempotency-Key không bị lưu hai lần)."),
  UNAVAILABLE("GW-UNAVAILABLE", 503, "The gateway is starting, stopping or overloaded; retry after the time in Retry-After.", "Cổng kết nối đang khởi động, dừng hoặc quá tải; vui lòng thử lại sau thời gian trong Retry-After."),
  INTERNAL("GW-INTERNAL", 500, "Unexpected error. Quote the correlation id to support.", "Lỗi không mong muốn. Vui lòng báo mã tương quan cho bộ phận hỗ trợ.");

  private final String code;
  private final int httpStatus;
  private final String english;
  private final String vietnamese;

  ErrorCode(String code, int httpStatus, String english, String vietnamese) {
    this.code = code;
    this.httpStatus = httpStatus;
    this.english = english;
    this.vietnamese = vietnamese;
  }

  public String code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String english() {
    return english;
  }

  public String vietnamese() {
    return vietnamese;
  }
}
