package vn.healthgate.routes.portal;

import vn.healthgate.routes.identity.Masking;

/** The body of a card lookup, in the portal's field names. {@link #toString()} masks personal data. */
public record CardLookupRequest(String maThe, String hoTen, String ngaySinh, String hoTenCb, String cccdCb) {
  @Override
  public String toString() {
    return "CardLookupRequest[maThe=" + Masking.cccd(maThe) + ", cccdCb=" + Masking.cccd(cccdCb) + "]";
  }
}
