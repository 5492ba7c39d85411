package vn.healthgate.routes.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The portal's card-lookup answer, field names as the portal sends them (all strings). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CardLookupReply(
    String maKetQua, String ghiChu, String maThe, String hoTen, String ngaySinh, String gioiTinh, String diaChi,
    String maDKBD, String cqBHXH, String gtTheTu, String gtTheDen, String maKV, String ngayDu5Nam, String maSoBHXH,
    String maTheCu, String maTheMoi, String gtTheTuMoi, String gtTheDenMoi, String maDKBDMoi, String tenDKBDMoi,
    List<PortalVisit> dsLichSuKCB2018, List<PortalVisit> dsLichSuKCB2025) {

  public static CardLookupReply ofCode(String code) {
    return new CardLookupReply(code, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
  }

  @Override
  public String toString() {
    return "CardLookupReply[maKetQua=" + maKetQua + "]";
  }

  /** One past visit ({@code dsLichSuKCB2018} / {@code dsLichSuKCB2025} items). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PortalVisit(String maHoSo, String maCSKCB, String ngayVao, String ngayRa, String tenBenh, String tinhTrang, String kqDieuTri, String lyDoVV) {}
}
