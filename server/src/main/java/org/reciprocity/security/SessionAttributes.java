package org.reciprocity.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * How session attributes are stored in the shared session tables: Java serialization, as Spring Session
 * does by default, except that an attribute a newer version of the server can no longer read (a class
 * moved or changed) reads as absent. Its member is then signed out, instead of every page answering 500
 * until the session expires.
 */
@Configuration(proxyBeanMethods = false)
class SessionAttributes {

    private static final Logger log = LoggerFactory.getLogger(SessionAttributes.class);

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> tolerantSessionAttributes() {
        return repository -> repository.setConversionService(conversions(SessionAttributes.class.getClassLoader()));
    }

    static GenericConversionService conversions(ClassLoader classLoader) {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, unlessUnreadable(new DeserializingConverter(classLoader)));
        return conversions;
    }

    private static Converter<byte[], Object> unlessUnreadable(DeserializingConverter deserializer) {
        return bytes -> {
            try {
                return deserializer.convert(bytes);
            } catch (SerializationFailedException e) {
                log.info("A session attribute written by an earlier version could not be read; it is dropped: {}",
                        e.getMostSpecificCause().toString());
                return null;
            }
        };
    }
}
