package vn.healthgate.routes.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.healthgate.routes.eligibility.FacilityDirectory;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.portal.PortalAccount;
import vn.healthgate.routes.portal.PortalAnswers;
import vn.healthgate.routes.portal.PortalClient;
import vn.healthgate.routes.portal.PortalEndpoint;
import vn.healthgate.routes.portal.PortalReceipt;
import vn.healthgate.routes.portal.ResilientPortal;

/**
 * Sends a signed document to its portal endpoint: the receipt when the portal took it, otherwise the typed exception
 * {@link PortalAnswers} makes of the answer (refused, duplicate, transient, breaker open, unrecognised).
 */
public class PortalSender {
  private final ResilientPortal portal;
  private final FacilityDirectory facilities;
  private final PortalAnswers answers;

  public PortalSender(ResilientPortal portal, FacilityDirectory facilities, PortalAnswers answers) {
    this.portal = portal;
    this.facilities = facilities;
    this.answers = answers;
  }

  /** Empty when the document's portal endpoint takes calls now; otherwise how long its breaker keeps it closed to calls. */
  public Optional<Duration> pausedFor(DocumentKind kind) {
    return portal.pausedFor(kind.endpoint());
  }

  public PortalReceipt send(PortalDocument document, String signedXml) {
    String facility = document.facilityCode();
    String file = Base64.getEncoder().encodeToString(signedXml.getBytes(StandardCharsets.UTF_8));
    if (document.kind() == DocumentKind.CHECK_IN) {
      PortalAccount account = facilities.lookupAccount(facility).orElseThrow(() -> notOnboarded(facility));
      PortalClient.CheckInReply reply;
      try {
        reply = portal.sendCheckIn(account, facility, facilities.provinceCode(facility), file);
      } catch (GatewayException e) {
        throw PortalAnswers.noAnswer(PortalEndpoint.CHECK_IN, e);
      }
      return answers.checkIn(reply);
    }
    PortalAccount account = facilities.certificateAccount(facility).orElseThrow(() -> notOnboarded(facility));
    Map<String, String> body = new LinkedHashMap<>(document.fields());
    body.put("SIGNDATA", file);
    PortalClient.CertificateReply reply;
    try {
      reply = portal.sendCertificate(account, body);
    } catch (GatewayException e) {
      throw PortalAnswers.noAnswer(PortalEndpoint.CERTIFICATE, e);
    }
    return answers.certificate(reply, account.username());
  }

  private static IllegalStateException notOnboarded(String facility) {
    return new IllegalStateException("facility " + facility + " is not onboarded");
  }
}
