package vn.healthgate.gateway.web;

import org.apache.catalina.core.StandardHost;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat set up so that every refusal is the gateway's: its error report is {@link ContainerErrorValve};
 * an encoded slash or backslash ({@code %2F}, {@code %5C}) is passed through to the security firewall and TRACE to
 * {@link TraceRefusal}, which refuse them, audited, in the catalogue's format, instead of Tomcat
 * refusing them with an HTML page or an empty body. {@link #apply} does the same for the HTTPS connector.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
  private final ObjectProvider<RefusalRecorder> recorder;

  ContainerErrors(ObjectProvider<RefusalRecorder> recorder) {
    this.recorder = recorder;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        // the host keeps this instance (it adds one of its own only when none of the class is there)
        host.setErrorReportValveClass(ContainerErrorValve.class.getName());
        host.getPipeline().addValve(new ContainerErrorValve(recorder::getIfAvailable));
      }
    });
    factory.addConnectorCustomizers(ContainerErrors::apply);
  }

  public static void apply(org.apache.catalina.connector.Connector connector) {
    connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    connector.setAllowTrace(true);
  }
}
