package org.reciprocity.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.reciprocity.SecondInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The e-mail digest against an in-process SMTP server (GreenMail): one message per period, unsubscribe without signing in. */
class DigestIntegrationTest extends IntegrationTest {

    static final GreenMail SMTP = start();

    static GreenMail start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            GreenMail mail = new GreenMail(new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            socket.close();
            mail.start();
            return mail;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("reciprocity.mail.host", () -> "127.0.0.1");
        registry.add("reciprocity.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("reciprocity.mail.starttls", () -> "false");
        registry.add("reciprocity.mail.from", () -> "agenda@reciprocity.test");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired
    Digest digest;

    @Autowired
    Environment environment;

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void oneDigestADayWithTheAgendaAndAnUnsubscribeLinkThatWorksWithoutSigningIn() throws Exception {
        Account ana = newAccount("Ana Digest");
        Account ben = newAccount("Ben Digest");
        Account quiet = newAccount("Quiet Digest");
        for (String what : new String[] {"Reviewed her CV", "Sent a job lead"}) {
            String favor = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", ben.token(), json("direction", "GAVE",
                    "counterpartMemberId", ana.id(), "kind", "ADVICE", "description", what, "weight", 2,
                    "occurredOn", today().toString()))).andReturn().getResponse().getContentAsString(), "$.id");
            mvc.perform(apiPost("/api/v1/exchanges/" + favor + "/confirm", ana.token(), "")).andExpect(status().isOk());
        }
        mvc.perform(apiPut("/api/v1/me/digest", ana.token(), json("frequency", "sometimes")))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(apiPut("/api/v1/me/digest", ana.token(), json("frequency", "daily")))
                .andExpect(jsonPath("$.frequency").value("DAILY"));
        mvc.perform(apiPut("/api/v1/me/digest", quiet.token(), json("frequency", "WEEKLY"))).andExpect(status().isOk());

        digest.sendDue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(ana.email());
        assertThat(received[0].getSubject()).isEqualTo("Your Reciprocity agenda: 2 things to do");
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(body).contains("Ben Digest helped you").contains("/digest/unsubscribe/");

        digest.sendDue();
        assertThat(SMTP.getReceivedMessages()).as("one message a day, not one per reminder").hasSize(1);
        clock.advance(Duration.ofDays(1));
        digest.sendDue();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);

        Matcher link = Pattern.compile("/digest/unsubscribe/([0-9a-f]{64})").matcher(body);
        assertThat(link.find()).isTrue();
        String path = "/digest/unsubscribe/" + link.group(1);
        HttpClient browser = httpClient(new CookieManager());
        String page = http(browser, "GET", path, null).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String done = http(browser, "POST", path, "_csrf=" + csrf.group(1), "Content-Type",
                "application/x-www-form-urlencoded").body();
        assertThat(done).contains("you will receive no more digests");
        mvc.perform(apiGet("/api/v1/me/digest", ana.token())).andExpect(jsonPath("$.frequency").value("OFF"));
        clock.advance(Duration.ofDays(1));
        digest.sendDue();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }

    @Test
    void twoInstancesCheckingAtOnceSendOneDigest() throws Exception {
        Account cleo = newAccount("Cleo Two Instances");
        Account dan = newAccount("Dan Two Instances");
        String favor = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", dan.token(), json("direction", "GAVE",
                "counterpartMemberId", cleo.id(), "kind", "ADVICE", "description", "Read her pitch", "weight", 2,
                "occurredOn", today().toString()))).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiPost("/api/v1/exchanges/" + favor + "/confirm", cleo.token(), "")).andExpect(status().isOk());
        mvc.perform(apiPut("/api/v1/me/digest", cleo.token(), json("frequency", "DAILY"))).andExpect(status().isOk());
        try (ConfigurableApplicationContext b = SecondInstance.start(environment, clock,
                "--reciprocity.mail.host=127.0.0.1", "--reciprocity.mail.port=" + SMTP.getSmtp().getPort(),
                "--reciprocity.mail.starttls=false", "--reciprocity.mail.from=agenda@reciprocity.test")) {
            Digest onB = b.getBean(Digest.class);
            for (int round = 0; round < 3; round++) {
                SecondInstance.together(digest::sendDue, onB::sendDue);
            }
        }
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).filter(m -> sentTo(m, cleo.email())))
                .as("one digest, whichever instance claimed it").hasSize(1);
        // out of the way of the other test, which counts every message
        mvc.perform(apiPut("/api/v1/me/digest", cleo.token(), json("frequency", "OFF"))).andExpect(status().isOk());
        SMTP.purgeEmailFromAllMailboxes();
    }

    static boolean sentTo(MimeMessage message, String email) {
        try {
            return message.getAllRecipients()[0].toString().equals(email);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
