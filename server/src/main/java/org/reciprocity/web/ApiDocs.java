package org.reciprocity.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document at {@code /v3/api-docs}, made so that a client generator can trust it: the two
 * security schemes (bearer tokens; HTTP Basic for creating a token) applied per operation, operation
 * ids that are the handler methods' names (so they are stable and read as verbs), the real success
 * status of each operation, and the RFC 9457 problem details each can answer with — 400 for a request
 * it cannot read, 401 without a valid token, 404 for an id the caller may not see, 406 or 415 for
 * media types it does not speak, 409 for a state conflict, 413 for an oversized body, 422 for a rule the
 * input breaks, 429 past a limit.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {

    public static final String BEARER = "bearerToken";
    public static final String BASIC = "basicAuth";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_MEDIA = "application/problem+json";

    /** The operations anyone may call: signing up, and creating a token with one's password (HTTP Basic). */
    static final Set<String> PUBLIC = Set.of("signUp", "createToken");

    @Bean
    OpenAPI reciprocityOpenApi(@Value("${reciprocity.base-url}") String baseUrl) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put("FieldError", new ObjectSchema().description("One broken rule of a submitted field.")
                .addProperty("field", new StringSchema().description("The field, as the request names it"))
                .addProperty("message", new StringSchema().description("What is wrong and how to put it right"))
                .required(List.of("field", "message")));
        schemas.put(PROBLEM, new ObjectSchema().description("An error, as RFC 9457 problem details.")
                .addProperty("type", new StringSchema().description("A URI reference naming the kind of problem, e.g. /problems/invalid-input"))
                .addProperty("title", new StringSchema().description("A short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("What went wrong in this case, in words a person reads"))
                .addProperty("instance", new StringSchema().description("The path of the request"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("The fields that break a rule (422)"))
                .addProperty("retryAfterSeconds", new IntegerSchema().description("How long to wait (429)"))
                .required(List.of("type", "title", "status", "detail")));
        webhookSchemas(schemas);
        return new OpenAPI()
                .webhooks(webhooks())
                .info(new Info().title("Reciprocity API").version("v1")
                        .description("The JSON API of a Reciprocity community: the ledger of favors, connections, private"
                                + " contacts, asks and matching, follow-up and webhooks. Every error is an RFC 9457 problem"
                                + " detail. Lists take ?limit= (1-200) and ?cursor= and answer {items, nextCursor}. Creates"
                                + " honour an Idempotency-Key header. Rate limits are announced in RateLimit-Policy and"
                                + " RateLimit headers.")
                        .contact(new Contact().name("The administrators of this community").url(baseUrl))
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components().schemas(schemas)
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("rcp_<43 characters>")
                                .description("A personal access token, created on the Account page or with POST /api/v1/tokens."))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Your e-mail and password; used only to create a token.")));
    }

    static final String SIGNATURE = "Each delivery is signed. Reciprocity-Signature is t=<unix seconds>,v1=<signature>: HMAC-SHA256,"
            + " keyed with the webhook's secret exactly as shown at registration (the whole ASCII string, whsec_ included),"
            + " over the bytes of the decimal timestamp, a full stop and the raw body; the signature is 64 lower-case"
            + " hexadecimal digits. Accept a delivery only when the signature matches and t is at most 5 minutes old, and"
            + " answer 2xx. Anything else is retried after 30 s, 1, 2, 4, 8, 16 and 32 minutes (8 attempts); redirects"
            + " are not followed; an attempt times out after 5 s to connect and 10 s to answer.";

    /** The events a member's webhooks receive, each a POST to the registered address. */
    private static Map<String, io.swagger.v3.oas.models.PathItem> webhooks() {
        Map<String, io.swagger.v3.oas.models.PathItem> hooks = new LinkedHashMap<>();
        hooks.put("exchange.recorded", webhook("exchangeRecorded", "A favor naming you was recorded",
                "Sent to both members of a favor one of them recorded, each seeing it from their side.", "WebhookExchangeEvent"));
        hooks.put("exchange.confirmed", webhook("exchangeConfirmed", "A favor naming you was confirmed",
                "Sent to both members when the counterpart confirmed a favor.", "WebhookExchangeEvent"));
        hooks.put("ask.matched", webhook("askMatched", "Members could help with your new ask",
                "Sent to the author of a new ask, with the best matches, when anyone could help.", "WebhookAskMatched"));
        hooks.put("introduction.accepted", webhook("introductionAccepted", "An introduction was accepted by both",
                "Sent to the introducer and to both members introduced.", "WebhookIntroductionAccepted"));
        return hooks;
    }

    private static io.swagger.v3.oas.models.PathItem webhook(String id, String summary, String description, String schema) {
        List<io.swagger.v3.oas.models.parameters.Parameter> headers = List.of(
                header("Reciprocity-Event", "The event's name, as the key of this webhook"),
                header("Reciprocity-Delivery", "The delivery's id; the same on every retry, so repeats can be dropped"),
                header("Reciprocity-Signature", "t=<unix seconds>,v1=<64 lower-case hex digits>; see the description"));
        Operation post = new Operation().operationId(id).summary(summary).description(description + " " + SIGNATURE)
                .security(List.of()).parameters(headers)
                .requestBody(new io.swagger.v3.oas.models.parameters.RequestBody().required(true).content(new Content()
                        .addMediaType("application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)))))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("Received: any 2xx acknowledges the delivery"))
                        .addApiResponse("400", new ApiResponse().description("Refused (for example a bad signature): retried"
                                + " with back-off, like any answer that is not 2xx")));
        return new io.swagger.v3.oas.models.PathItem().post(post);
    }

    private static io.swagger.v3.oas.models.parameters.Parameter header(String name, String description) {
        return new io.swagger.v3.oas.models.parameters.Parameter().in("header").name(name).required(true)
                .description(description).schema(new StringSchema());
    }

    /** The envelope every event shares, and each event's data. */
    private static void webhookSchemas(Map<String, Schema> schemas) {
        schemas.put("WebhookExchangeEvent", envelope("exchange.recorded or exchange.confirmed", new ObjectSchema()
                .addProperty("exchange", new Schema<>().$ref("#/components/schemas/ExchangeView")).required(List.of("exchange"))));
        schemas.put("WebhookAskMatched", envelope("ask.matched", new ObjectSchema()
                .addProperty("askId", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("matches", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/MatchView")))
                .required(List.of("askId", "title", "matches"))));
        schemas.put("WebhookIntroductionAccepted", envelope("introduction.accepted", new ObjectSchema()
                .addProperty("introductionId", new StringSchema()).required(List.of("introductionId"))));
    }

    private static Schema<?> envelope(String events, Schema<?> data) {
        return new ObjectSchema().description("The body of a " + events + " delivery.")
                .addProperty("id", new StringSchema().description("The event's id"))
                .addProperty("event", new StringSchema().description("The event's name"))
                .addProperty("createdAt", new StringSchema().format("date-time"))
                .addProperty("data", data)
                .required(List.of("id", "event", "createdAt", "data"));
    }

    /** Operation ids, success statuses, security and problem responses, from each handler method. */
    @Bean
    GlobalOperationCustomizer problemsAndStatuses() {
        return (operation, handler) -> {
            operation.setOperationId(handler.getMethod().getName());
            boolean anonymous = PUBLIC.contains(operation.getOperationId());
            if (operation.getOperationId().equals("createToken")) {
                operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
            } else if (anonymous) {
                operation.setSecurity(List.of());
            } else {
                operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            successStatus(handler, responses);
            boolean hasBody = hasParameter(handler, RequestBody.class) || hasParameter(handler, RequestPart.class);
            boolean hasInput = hasBody || hasParameter(handler, RequestParam.class);
            boolean hasPath = hasParameter(handler, PathVariable.class);
            boolean write = !isRead(operation, handler);
            problem(responses, HttpStatus.BAD_REQUEST, "The request cannot be read: malformed JSON, a parameter of the wrong"
                    + " type, invalid percent-encoding or UTF-8.");
            // even a public operation refuses a token that does not authenticate
            problem(responses, HttpStatus.UNAUTHORIZED, anonymous && !operation.getOperationId().equals("createToken")
                    ? "An Authorization header was sent and is not valid; send none, or a valid token."
                    : "No valid credentials: send a token in 'Authorization: Bearer'.");
            problem(responses, HttpStatus.FORBIDDEN, "The caller may not do this (the role, a block, or only the other party may).");
            if (hasPath) {
                problem(responses, HttpStatus.NOT_FOUND, "Nothing with this id that the caller may see.");
            }
            if (write) {
                problem(responses, HttpStatus.CONFLICT, "The current state does not allow it (already answered, taken, or"
                        + " changed at the same moment).");
            }
            if (hasBody) {
                problem(responses, HttpStatus.CONTENT_TOO_LARGE, "The body is larger than allowed (1 MB; uploads 10 MB).");
            }
            if (hasInput || write) {
                problem(responses, HttpStatus.UNPROCESSABLE_CONTENT, "The input breaks a rule; 'errors' names each field.");
            }
            problem(responses, HttpStatus.NOT_ACCEPTABLE, "The Accept header asks for something other than JSON.");
            problem(responses, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The Content-Type is not one this operation reads (JSON, or"
                    + " multipart/form-data for an upload), does not parse, or names an unknown charset.");
            problem(responses, HttpStatus.TOO_MANY_REQUESTS, "A rate or abuse limit was reached; wait Retry-After seconds.");
            operation.setResponses(responses);
            requiredParts(operation, handler);
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                operation.setSummary(sentence(handler.getMethod().getName()));
            }
            return operation;
        };
    }

    /**
     * Answers' schemas list every field a record always writes as required (all of them, unless the record
     * leaves out empty fields with {@code @JsonInclude(NON_NULL)}); reference-typed ones may be null.
     */
    @Bean
    GlobalOpenApiCustomizer requiredFields(
            @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
            org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings) {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            Map<String, Class<?>> records = ResponseRecords.of(mappings.getHandlerMethods().values());
            openApi.getComponents().getSchemas().forEach((name, schema) -> {
                Class<?> type = records.get(name);
                if (type == null || schema.getProperties() == null) {
                    return;
                }
                List<String> required = new ArrayList<>(schema.getRequired() == null ? List.of() : schema.getRequired());
                for (RecordComponent c : type.getRecordComponents()) {
                    Schema<?> property = (Schema<?>) schema.getProperties().get(c.getName());
                    if (property == null || !ResponseRecords.alwaysPresent(type, c)) {
                        continue;
                    }
                    if (!required.contains(c.getName())) {
                        required.add(c.getName());
                    }
                    if (ResponseRecords.mayBeNull(c)) {
                        schema.getProperties().put(c.getName(), nullable(property));
                    }
                }
                schema.setRequired(required.isEmpty() ? null : required);
            });
        };
    }

    /** The property's schema, also allowing null (OpenAPI 3.1: "null" among the types, or anyOf for a reference). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> nullable(Schema<?> property) {
        if (property.get$ref() != null) {
            Schema reference = new io.swagger.v3.oas.models.media.JsonSchema().$ref(property.get$ref());
            Schema none = new io.swagger.v3.oas.models.media.JsonSchema();
            none.addType("null");
            return new io.swagger.v3.oas.models.media.JsonSchema().anyOf(List.of(reference, none));
        }
        Set<String> types = property.getTypes();
        if (types != null && !types.isEmpty() && !types.contains("null")) {
            java.util.Set<String> withNull = new java.util.LinkedHashSet<>(types);
            withNull.add("null");
            property.setTypes(withNull);
        }
        return property;
    }

    private static void successStatus(HandlerMethod handler, ApiResponses responses) {
        ResponseStatus declared = handler.getMethodAnnotation(ResponseStatus.class);
        if (declared == null) {
            return;
        }
        HttpStatus status = declared.code() != HttpStatus.INTERNAL_SERVER_ERROR ? declared.code() : declared.value();
        String code = Integer.toString(status.value());
        ApiResponse declaredOk = responses.get("200");
        if (declaredOk != null && declaredOk.getDescription() != null && !declaredOk.getDescription().equals("OK")) {
            // the operation documents a 200 of its own (an answer that already existed) besides its declared status
            responses.putIfAbsent(code, new ApiResponse().description(status.getReasonPhrase()).content(declaredOk.getContent()));
            return;
        }
        ApiResponse ok = responses.remove("200");
        if (ok != null && !responses.containsKey(code)) {
            ok.setDescription(status.getReasonPhrase());
            if (status == HttpStatus.NO_CONTENT) {
                ok.setContent(null);
            }
            responses.put(code, ok);
        } else if (!responses.containsKey(code)) {
            responses.put(code, new ApiResponse().description(status.getReasonPhrase()));
        }
    }

    private static boolean isRead(Operation operation, HandlerMethod handler) {
        return handler.hasMethodAnnotation(org.springframework.web.bind.annotation.GetMapping.class);
    }

    /**
     * Multipart parts the handler checks itself (optional to Spring, so that a missing one gets a 422 naming it)
     * but documents as required with {@code @Parameter(required = true)}: springdoc leaves them out of the
     * form schema's {@code required} list, so a generated client would make them optional.
     */
    private static void requiredParts(Operation operation, HandlerMethod handler) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        io.swagger.v3.oas.models.media.MediaType form = operation.getRequestBody().getContent().get("multipart/form-data");
        if (form == null || form.getSchema() == null) {
            return;
        }
        for (org.springframework.core.MethodParameter p : handler.getMethodParameters()) {
            RequestPart part = p.getParameterAnnotation(RequestPart.class);
            io.swagger.v3.oas.annotations.Parameter doc = p.getParameterAnnotation(io.swagger.v3.oas.annotations.Parameter.class);
            if (part != null && doc != null && doc.required()) {
                String name = part.value().isEmpty() ? part.name() : part.value();
                if (form.getSchema().getRequired() == null || !form.getSchema().getRequired().contains(name)) {
                    form.getSchema().addRequiredItem(name);
                }
            }
        }
        operation.getRequestBody().setRequired(true);
    }

    private static boolean hasParameter(HandlerMethod handler, Class<? extends java.lang.annotation.Annotation> annotation) {
        for (Parameter p : handler.getMethod().getParameters()) {
            if (p.isAnnotationPresent(annotation)) {
                return true;
            }
        }
        return false;
    }

    private static void problem(ApiResponses responses, HttpStatus status, String description) {
        String code = Integer.toString(status.value());
        if (responses.containsKey(code) && responses.get(code).getContent() != null
                && responses.get(code).getContent().containsKey(PROBLEM_MEDIA)) {
            return;
        }
        responses.put(code, new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_MEDIA,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    /** "mutualBenefit" → "Mutual benefit": a summary for an operation that has none of its own. */
    static String sentence(String methodName) {
        String words = methodName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
