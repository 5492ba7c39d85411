package vn.healthgate.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.healthgate.simulator.api.SimApi;
import vn.healthgate.simulator.portal.PortalEndpoints;

/** The one WireMock extension: routes each request to the portal endpoints or the test API, applying faults. */
final class PortalTransformer implements ResponseDefinitionTransformerV2 {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_DEFAULT_MS = 30_000;

  private final SimulatorState state;
  private final PortalEndpoints portal;
  private final SimApi simApi;

  PortalTransformer(SimulatorState state) {
    this.state = state;
    this.portal = new PortalEndpoints(state);
    this.simApi = new SimApi(state);
  }

  @Override
  public String getName() {
    return "portal-simulator";
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    LoggedRequest logged = serveEvent.getRequest();
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpHeader header : logged.getHeaders().all()) {
      headers.put(header.key(), header.firstValue());
    }
    SimRequest request = SimRequest.of(
        logged.getMethod().getName(), logged.getUrl(), logged.getHeader("Content-Type"), logged.getBodyAsString(), headers);
    if (request.path().startsWith("/sim/")) {
      return toDefinition(simApi.handle(request)).build();
    }
    Optional<String> endpoint = PortalEndpoints.endpointOf(request.method(), request.path());
    if (endpoint.isEmpty()) {
      return toDefinition(new SimResponse(404, Map.of("maKetQua", "404", "thongDiep", "Không tìm thấy: " + request.path()))).build();
    }
    state.countRequest(endpoint.get());
    Optional<Faults.Fault> fault = state.faults().take(endpoint.get());
    if (fault.isPresent()) {
      Faults.Fault f = fault.get();
      switch (f.kind()) {
        case RESET:
          return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        case STATUS:
          return toDefinition(new SimResponse((int) f.value(), Map.of("maKetQua", String.valueOf(f.value()), "thongDiep", "Lỗi hệ thống (mô phỏng)"))).build();
        case TIMEOUT:
          return toDefinition(portal.handle(endpoint.get(), request, false))
              .withFixedDelay((int) (f.value() > 0 ? f.value() * 1000 : TIMEOUT_DEFAULT_MS)).build();
        case LATENCY:
          return toDefinition(portal.handle(endpoint.get(), request, false)).withFixedDelay((int) f.value()).build();
        case REFUSE_TOKEN:
          return toDefinition(portal.handle(endpoint.get(), request, true)).build();
        default:
          break;
      }
    }
    return toDefinition(portal.handle(endpoint.get(), request, false)).build();
  }

  private static ResponseDefinitionBuilder toDefinition(SimResponse response) {
    ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition().withStatus(response.status());
    if (response.body() != null) {
      try {
        builder.withHeader("Content-Type", "application/json; charset=utf-8").withBody(JSON.writeValueAsBytes(response.body()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("simulator response not serialisable", e);
      }
    }
    return builder;
  }
}
