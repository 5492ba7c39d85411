// The admin pages' two languages, Vietnamese (the default) and English, and their times: always in the province's
// zone (Asia/Ho_Chi_Minh) with the zone written out. The chosen language is remembered in localStorage.
// Static texts carry data-i18n (text), data-i18n-html (trusted markup from this file) or data-i18n-placeholder.
'use strict';

const I18N = (() => {
  const STORAGE_KEY = 'healthgate.admin.lang';
  const ZONE = 'Asia/Ho_Chi_Minh';
  const TEXT = {
    vi: {
      'page.title': 'Healthgate – Quản trị',
      'page.sub': 'Cổng kết nối BHYT tỉnh Bình Phước',
      'lang.label': 'Ngôn ngữ',
      'overall': 'Tình trạng chung:',
      'asOf': 'cập nhật lúc {0}',
      'link.hawtio': 'Bảng điều khiển Camel (Hawtio)',
      'link.health': 'Tình trạng (JSON)',
      'signOut': 'Đăng xuất',
      'section.lookup': 'Tra cứu hồ sơ',
      'lookup.label': 'Mã hồ sơ, mã liên kết MA_LK (check-in) hoặc số giấy khám SO',
      'lookup.go': 'Tra cứu',
      'lookup.none': 'Không tìm thấy hồ sơ nào với “{0}”.',
      'lookup.found': 'Tìm thấy {0} hồ sơ với “{1}”.',
      'lookup.failed': 'Tra cứu không thành công: {0}',
      'lookup.open': 'Xem',
      'section.components': 'Thành phần hệ thống',
      'section.routes': 'Luồng xử lý (Camel)',
      'section.portal': 'Dịch vụ của Cổng giám định',
      'section.lastHour': 'Một giờ qua',
      'section.backlog': 'Hồ sơ tồn theo cơ sở',
      'section.certificates': 'Chứng thư ký số',
      'section.atRisk': 'Hồ sơ có nguy cơ',
      'section.deadLetters': 'Hàng đợi lỗi',
      'section.replayed': 'Đã gửi lại từ trang này',
      'chart.eligibilityCount': 'Lượt kiểm tra thẻ BHYT mỗi phút (lỗi: màu đỏ)',
      'chart.eligibilityLatency': 'Độ trễ p95 của kiểm tra thẻ mỗi phút (ms)',
      'chart.deliveryCount': 'Lần gửi hồ sơ mỗi phút (gửi lại và hàng đợi lỗi: màu đỏ)',
      'chart.deliveryLatency': 'Độ trễ p95 của gửi hồ sơ mỗi phút (ms)',
      'chart.now': 'bây giờ',
      'col.route': 'luồng', 'col.status': 'trạng thái', 'col.up': 'đã chạy',
      'col.endpoint': 'dịch vụ', 'col.breaker': 'bộ ngắt mạch', 'col.failureRate': 'tỷ lệ lỗi',
      'col.lastSuccess': 'thành công gần nhất', 'col.lastFailure': 'lỗi gần nhất',
      'col.facility': 'cơ sở', 'col.pending': 'đang chờ', 'col.oldestPending': 'chờ lâu nhất', 'col.deadLetters': 'hàng đợi lỗi',
      'col.expires': 'hết hạn', 'col.daysLeft': 'còn (ngày)',
      'col.id': 'mã hồ sơ', 'col.kind': 'loại', 'col.attempts': 'số lần gửi', 'col.since': 'nhận lúc', 'col.lastError': 'lý do',
      'col.key': 'MA_LK / SO', 'col.receipt': 'biên nhận của Cổng',
      'col.at': 'thời điểm', 'col.event': 'sự kiện', 'col.actor': 'người / hệ thống', 'col.action': 'thao tác', 'col.result': 'kết quả',
      'col.correlation': 'mã tương quan',
      'atRisk.threshold': '(chờ lâu hơn {0})',
      'bulk.label': 'Gửi lại mọi hồ sơ trong hàng đợi lỗi của cơ sở',
      'bulk.any': '(tất cả)',
      'bulk.dryRun': 'Chạy thử',
      'bulk.wouldReplay': '{0} hồ sơ sẽ được gửi lại',
      'bulk.replay': 'Gửi lại {0} hồ sơ',
      'bulk.replayed': 'Đã gửi lại {0} hồ sơ',
      'deadLetters.total': '({0} hồ sơ)',
      'replay': 'Gửi lại',
      'replay.refused': 'Gửi lại {0} bị từ chối: HTTP {1}',
      'none': 'không có',
      'loadError': 'Không tải được dữ liệu: {0}',
      'age.s': '{0} giây', 'age.min': '{0} phút', 'age.h': '{0} giờ',
      'field.id': 'Mã hồ sơ', 'field.kind': 'Loại', 'field.facility': 'Cơ sở', 'field.episodeId': 'Mã liên kết (MA_LK)',
      'field.number': 'Số giấy khám (SO)', 'field.operation': 'Thao tác', 'field.status': 'Trạng thái', 'field.attempts': 'Số lần gửi',
      'field.nextAttempt': 'Lần gửi tiếp theo', 'field.lastFailure': 'Lý do chưa gửi được', 'field.detail': 'Chi tiết kỹ thuật',
      'field.receipt': 'Biên nhận của Cổng', 'field.transactionId': 'Mã giao dịch', 'field.uuid': 'UUID',
      'field.receivedAt': 'Cổng tiếp nhận lúc', 'field.payloadSha256': 'SHA-256 hồ sơ nhận được', 'field.signedSha256': 'SHA-256 tài liệu đã ký',
      'field.signedDocument': 'Tài liệu đã ký', 'field.signedDocumentLink': 'Tải XML đã ký', 'field.purgedAt': 'Nội dung đã xóa lúc',
      'field.warnings': 'Cảnh báo', 'field.createdAt': 'Tiếp nhận lúc', 'field.updatedAt': 'Cập nhật lúc', 'field.history': 'Lịch sử',
      'operation.ADD': 'Gửi mới', 'operation.EDIT': 'Sửa đổi',
      'event.STORED': 'Lưu vào hàng đợi gửi', 'event.REQUEST': 'Yêu cầu API', 'event.PORTAL_RECEIVED': 'Cổng giám định tiếp nhận',
      'event.LAST_CHANGE': 'Thay đổi gần nhất', 'event.BODIES_PURGED': 'Xóa nội dung (hết thời hạn lưu trữ)',
      'event.NEXT_ATTEMPT': 'Lần gửi tiếp theo (dự kiến)',
      'status.RECEIVED': 'Chờ ký', 'status.SIGNED': 'Đã ký', 'status.SENT': 'Đã gửi', 'status.ACCEPTED': 'Đã tiếp nhận',
      'status.REJECTED': 'Bị từ chối', 'status.DEAD_LETTER': 'Hàng đợi lỗi',
      'kind.CHECK_IN': 'Check-in (XML 0)', 'kind.CERTIFICATE': 'Giấy khám SK lái xe',
      'health.UP': 'Hoạt động', 'health.DOWN': 'Ngừng hoạt động', 'health.WARNING': 'Cảnh báo', 'health.UNKNOWN': 'Không rõ',
      'health.OUT_OF_SERVICE': 'Ngừng phục vụ',
      'route.Started': 'Đang chạy', 'route.Stopped': 'Đã dừng', 'route.Suspended': 'Tạm dừng', 'route.Unknown': 'Không rõ',
      'breaker.CLOSED': 'Đóng (bình thường)', 'breaker.OPEN': 'Mở (tạm ngừng gọi)', 'breaker.HALF_OPEN': 'Nửa mở (đang thử lại)',
      'breaker.FORCED_OPEN': 'Bị buộc mở', 'breaker.DISABLED': 'Tắt', 'breaker.METRICS_ONLY': 'Chỉ đo',
      'certificate.OK': 'Còn hạn', 'certificate.EXPIRING': 'Sắp hết hạn', 'certificate.EXPIRED': 'Đã hết hạn',
      'login.title': 'Healthgate – Đăng nhập quản trị',
      'login.heading': 'Quản trị Healthgate',
      'login.help': 'Môi trường phát triển: đăng nhập bằng khóa quản trị phát triển (<code>gateway.admin-api-key</code>, mặc định <code>dev-admin</code>). '
        + 'Khi vận hành thật, quản trị viên mở <code>https://&lt;gateway&gt;:8443/admin</code> bằng chứng thư quản trị; không có đăng nhập bằng mật khẩu.',
      'login.key': 'Khóa quản trị',
      'login.signIn': 'Đăng nhập',
      'login.failed': 'Khóa quản trị không đúng.',
    },
    en: {
      'page.title': 'Healthgate admin',
      'page.sub': 'Bình Phước insurance gateway',
      'lang.label': 'Language',
      'overall': 'Overall:',
      'asOf': 'as of {0}',
      'link.hawtio': 'Camel console (Hawtio)',
      'link.health': 'Health (JSON)',
      'signOut': 'Sign out',
      'section.lookup': 'Look up a submission',
      'lookup.label': 'Submission id, episode id MA_LK (check-in) or certificate number SO',
      'lookup.go': 'Look up',
      'lookup.none': 'No submission found for “{0}”.',
      'lookup.found': '{0} submission(s) found for “{1}”.',
      'lookup.failed': 'The lookup failed: {0}',
      'lookup.open': 'Open',
      'section.components': 'Health components',
      'section.routes': 'Routes (Camel)',
      'section.portal': 'Portal endpoints',
      'section.lastHour': 'Last hour',
      'section.backlog': 'Backlog by facility',
      'section.certificates': 'Signing certificates',
      'section.atRisk': 'Documents at risk',
      'section.deadLetters': 'Dead letters',
      'section.replayed': 'Replayed from this page',
      'chart.eligibilityCount': 'Eligibility checks per minute (failures in red)',
      'chart.eligibilityLatency': 'Eligibility p95 latency per minute (ms)',
      'chart.deliveryCount': 'Delivery attempts per minute (retries and dead letters in red)',
      'chart.deliveryLatency': 'Delivery p95 latency per minute (ms)',
      'chart.now': 'now',
      'col.route': 'route', 'col.status': 'status', 'col.up': 'up',
      'col.endpoint': 'endpoint', 'col.breaker': 'breaker', 'col.failureRate': 'failure rate',
      'col.lastSuccess': 'last success', 'col.lastFailure': 'last failure',
      'col.facility': 'facility', 'col.pending': 'pending', 'col.oldestPending': 'oldest pending', 'col.deadLetters': 'dead letters',
      'col.expires': 'expires', 'col.daysLeft': 'days left',
      'col.id': 'id', 'col.kind': 'kind', 'col.attempts': 'attempts', 'col.since': 'received', 'col.lastError': 'reason',
      'col.key': 'MA_LK / SO', 'col.receipt': 'portal receipt',
      'col.at': 'time', 'col.event': 'event', 'col.actor': 'who', 'col.action': 'call', 'col.result': 'result',
      'col.correlation': 'correlation id',
      'atRisk.threshold': '(pending longer than {0})',
      'bulk.label': 'Replay all dead letters of facility',
      'bulk.any': '(any)',
      'bulk.dryRun': 'Dry run',
      'bulk.wouldReplay': '{0} dead letter(s) would be replayed',
      'bulk.replay': 'Replay {0}',
      'bulk.replayed': '{0} replayed',
      'deadLetters.total': '({0} in all)',
      'replay': 'Replay',
      'replay.refused': 'Replay of {0} refused: HTTP {1}',
      'none': 'none',
      'loadError': 'Could not load: {0}',
      'age.s': '{0} s', 'age.min': '{0} min', 'age.h': '{0} h',
      'field.id': 'Submission id', 'field.kind': 'Kind', 'field.facility': 'Facility', 'field.episodeId': 'Episode id (MA_LK)',
      'field.number': 'Certificate number (SO)', 'field.operation': 'Operation', 'field.status': 'Status', 'field.attempts': 'Attempts',
      'field.nextAttempt': 'Next attempt', 'field.lastFailure': 'Why it is not delivered', 'field.detail': 'Technical detail',
      'field.receipt': 'Portal receipt', 'field.transactionId': 'Transaction id', 'field.uuid': 'UUID',
      'field.receivedAt': 'Received by the portal', 'field.payloadSha256': 'SHA-256 of the document received', 'field.signedSha256': 'SHA-256 of the signed document',
      'field.signedDocument': 'Signed document', 'field.signedDocumentLink': 'Download the signed XML', 'field.purgedAt': 'Bodies purged',
      'field.warnings': 'Warnings', 'field.createdAt': 'Received', 'field.updatedAt': 'Last updated', 'field.history': 'History',
      'operation.ADD': 'New', 'operation.EDIT': 'Correction',
      'event.STORED': 'Stored in the outbox', 'event.REQUEST': 'API request', 'event.PORTAL_RECEIVED': 'Received by the portal',
      'event.LAST_CHANGE': 'Last change', 'event.BODIES_PURGED': 'Bodies purged (retention)',
      'event.NEXT_ATTEMPT': 'Next attempt (scheduled)',
      'status.RECEIVED': 'Received', 'status.SIGNED': 'Signed', 'status.SENT': 'Sent', 'status.ACCEPTED': 'Accepted',
      'status.REJECTED': 'Rejected', 'status.DEAD_LETTER': 'Dead letter',
      'kind.CHECK_IN': 'Check-in (XML 0)', 'kind.CERTIFICATE': 'Driver health certificate',
      'health.UP': 'Up', 'health.DOWN': 'Down', 'health.WARNING': 'Warning', 'health.UNKNOWN': 'Unknown', 'health.OUT_OF_SERVICE': 'Out of service',
      'route.Started': 'Started', 'route.Stopped': 'Stopped', 'route.Suspended': 'Suspended', 'route.Unknown': 'Unknown',
      'breaker.CLOSED': 'Closed (normal)', 'breaker.OPEN': 'Open (calls paused)', 'breaker.HALF_OPEN': 'Half-open (probing)',
      'breaker.FORCED_OPEN': 'Forced open', 'breaker.DISABLED': 'Disabled', 'breaker.METRICS_ONLY': 'Metrics only',
      'certificate.OK': 'Valid', 'certificate.EXPIRING': 'Expiring', 'certificate.EXPIRED': 'Expired',
      'login.title': 'Healthgate admin: sign in',
      'login.heading': 'Healthgate admin',
      'login.help': 'Development run: sign in with the development admin key (<code>gateway.admin-api-key</code>, <code>dev-admin</code> by default). '
        + 'In production admins open <code>https://&lt;gateway&gt;:8443/admin</code> with their admin certificate; there is no password sign-in.',
      'login.key': 'Admin key',
      'login.signIn': 'Sign in',
      'login.failed': 'The admin key is wrong.',
    },
  };
  const listeners = [];

  function lang() {
    let stored = null;
    try { stored = window.localStorage.getItem(STORAGE_KEY); } catch (e) { /* storage disabled: the default */ }
    return stored === 'en' ? 'en' : 'vi';
  }

  /** The text of {@code key} in the current language, {0}, {1}… replaced by {@code args}. */
  function t(key, ...args) {
    const text = TEXT[lang()][key] ?? TEXT.en[key] ?? key;
    return text.replace(/\{(\d)\}/g, (m, i) => (args[i] == null ? '' : String(args[i])));
  }

  /** A value's words ({@code prefix.value}), or the value itself when the dictionary has none. */
  function word(prefix, value) {
    const key = prefix + '.' + value;
    return TEXT[lang()][key] ?? value;
  }

  const FORMAT = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZoneName: 'shortOffset',
  });

  /**
   * An instant in the province's time with its zone: vi {@code 03/12/2026 23:39:04 (GMT+7)}, en
   * {@code 2026-12-03 23:39:04 (GMT+7)}; {@code —} for none.
   */
  function time(iso) {
    if (!iso) return '—';
    const date = new Date(iso);
    if (isNaN(date.getTime())) return String(iso);
    const p = Object.fromEntries(FORMAT.formatToParts(date).map(part => [part.type, part.value]));
    const zone = p.timeZoneName || 'GMT+7';
    const clock = p.hour + ':' + p.minute + ':' + p.second;
    return lang() === 'vi'
      ? p.day + '/' + p.month + '/' + p.year + ' ' + clock + ' (' + zone + ')'
      : p.year + '-' + p.month + '-' + p.day + ' ' + clock + ' (' + zone + ')';
  }

  /** Hours and minutes in the province's time, for chart axes. */
  function clockTime(iso) {
    const p = Object.fromEntries(FORMAT.formatToParts(new Date(iso)).map(part => [part.type, part.value]));
    return p.hour + ':' + p.minute;
  }

  function applyStatic() {
    document.documentElement.lang = lang();
    document.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
    document.querySelectorAll('[data-i18n-html]').forEach(node => { node.innerHTML = t(node.dataset.i18nHtml); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(node => { node.placeholder = t(node.dataset.i18nPlaceholder); });
    const title = document.documentElement.dataset.i18nTitle;
    if (title) document.title = t(title);
    document.querySelectorAll('button[data-lang]').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.lang === lang())));
  }

  function setLang(value) {
    try { window.localStorage.setItem(STORAGE_KEY, value === 'en' ? 'en' : 'vi'); } catch (e) { /* not remembered */ }
    applyStatic();
    listeners.forEach(listener => listener());
  }

  /** {@code listener} runs after every language switch (to draw the dynamic parts again). */
  function onChange(listener) {
    listeners.push(listener);
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('button[data-lang]').forEach(b => b.addEventListener('click', () => setLang(b.dataset.lang)));
    applyStatic();
  });

  return { t, word, time, clockTime, lang, setLang, onChange };
})();
