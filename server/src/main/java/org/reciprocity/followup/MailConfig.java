package org.reciprocity.followup;

import java.util.Properties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP server the administrator configures ({@code reciprocity.mail.*}, e.g. RECIPROCITY_MAIL_HOST).
 * The sender is always built, with an empty host meaning "no mail", so that the set-up is read at run
 * time and not frozen by ahead-of-time processing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailConfig.MailProperties.class)
class MailConfig {

    @ConfigurationProperties("reciprocity.mail")
    record MailProperties(String host, Integer port, String username, String password, String from, Boolean starttls) {

        boolean configured() {
            return host != null && !host.isBlank();
        }

        String sender() {
            return from == null || from.isBlank() ? "reciprocity@localhost" : from;
        }
    }

    @Bean
    JavaMailSenderImpl mailSender(MailProperties mail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        if (mail.configured()) {
            sender.setHost(mail.host());
            sender.setPort(mail.port() == null ? 587 : mail.port());
            sender.setUsername(mail.username() == null || mail.username().isBlank() ? null : mail.username());
            sender.setPassword(mail.password() == null || mail.password().isBlank() ? null : mail.password());
            Properties props = sender.getJavaMailProperties();
            props.put("mail.smtp.starttls.enable", String.valueOf(mail.starttls() == null || mail.starttls()));
            props.put("mail.smtp.auth", String.valueOf(sender.getUsername() != null));
            props.put("mail.smtp.connectiontimeout", "10000");
            props.put("mail.smtp.timeout", "10000");
        }
        return sender;
    }
}
