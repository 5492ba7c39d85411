package vn.healthgate.gateway.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.healthgate.gateway.audit.AuditKey;
import vn.healthgate.gateway.audit.AuditKeys;
import vn.healthgate.gateway.audit.AuditLog;

/** Wires the keyed audit chain: its key (read at start, created in the default run), the log. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

  @Bean
  AuditKeys auditKeys(GatewayProperties properties) {
    GatewayProperties.Audit audit = properties.audit();
    AuditKey current = audit.generateDevelopmentKey() ? AuditKey.readOrCreate(audit.keyFile()) : AuditKey.read(audit.keyFile());
    return new AuditKeys(current, audit.retiredKeyFiles().stream().map(AuditKey::read).toList());
  }

  @Bean
  AuditLog auditLog(JdbcTemplate jdbc, Clock clock, AuditKeys keys) {
    return new AuditLog(jdbc, clock, keys);
  }
}
