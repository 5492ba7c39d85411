package vn.healthgate.gateway;

import org.springframework.boot.SpringApplication;
import vn.healthgate.gateway.operations.audit.AuditVerifyCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The integration gateway between the hospitals of Bình Phước and the national insurance portal; {@code audit-verify} as first argument runs that command instead. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals(AuditVerifyCommand.NAME)) {
      System.exit(AuditVerifyCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err, System.getenv()));
    }
    SpringApplication.run(GatewayApplication.class, args);
  }
}
