package org.reciprocity.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

/**
 * Errors Tomcat answers itself, before the application sees the request (an address that is not valid
 * percent-encoding or UTF-8, a request line that is too long): problem details for the API and a short
 * plain page elsewhere, instead of Tomcat's own HTML report.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports() {
        return new Customizer();
    }

    /** Runs after Boot's own customizer, so that this valve replaces the one Boot adds. */
    static final class Customizer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {
        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemReports());
                // the host adds an error report valve of this class at start unless it finds one: let it find ours
                if (host instanceof org.apache.catalina.core.StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemReports.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    public static final class ProblemReports extends ErrorReportValve {

        public ProblemReports() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.isCommitted() || response.getContentWritten() > 0) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            String title = status == null ? "Error" : status.getReasonPhrase();
            String detail = code == 400 ? "The request could not be understood: its address or headers are not valid."
                    : code == 404 ? "There is nothing at this address." : title + ".";
            String uri = request.getDecodedRequestURI() != null ? request.getDecodedRequestURI() : "";
            String raw = request.getCoyoteRequest() == null ? "" : request.getCoyoteRequest().requestURI().toString();
            boolean api = uri.startsWith("/api/") || raw.startsWith("/api/");
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                if (api) {
                    response.setContentType("application/problem+json");
                    String slug = code == 400 ? "bad-request" : code == 404 ? "not-found" : code >= 500 ? "internal" : "http-" + code;
                    write(response, "{\"type\":\"/problems/" + slug + "\",\"title\":\"" + title + "\",\"status\":" + code
                            + ",\"detail\":\"" + detail + "\"}");
                } else {
                    response.setContentType("text/plain");
                    write(response, title + ": " + detail + "\n");
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away or the response was taken over: nothing more to say
            }
        }

        private static void write(Response response, String body) throws IOException {
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        }
    }
}
