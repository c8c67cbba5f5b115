package dev.debrief.web;

import dev.debrief.access.SignedLinks;
import dev.debrief.http.HttpServer;
import dev.debrief.http.RawEndpoint;
import dev.debrief.index.ReportCatalog;
import dev.debrief.metrics.Health;
import dev.debrief.metrics.Metrics;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of {@code debrief serve}, built on Javalin 7 (routes are declared inside {@code
 * Javalin.create(config -> config.routes...)}). Routes: {@code GET /healthz}, {@code GET /metrics},
 * {@code GET /reports}, {@code GET /reports/{reportId}?p=PASSAGE_ID}, static viewer assets, with an
 * {@link AskSite} the ask page ({@code GET /}, {@code GET /ask?q=}), the library and sign-in, and,
 * when given, {@code POST /slack/events} handed to a {@link RawEndpoint} with the untouched body
 * bytes.
 */
public final class WebServer implements HttpServer {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /** Viewer pages load only their own script and stylesheet. */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
          + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** The ask page's form submits to this site only. */
  static final String ASK_CSP = CSP.replace("form-action 'none'", "form-action 'self'");

  private final ReportViewer viewer;
  private final Metrics metrics;
  private final Supplier<Health> health;
  private final RawEndpoint slackEndpoint;
  private final String host;
  private final int port;
  private final long maxBodyBytes;
  private AskSite ask;
  private Javalin javalin;

  /**
   * @param catalog what is indexed, for the viewer
   * @param publicBaseUrl base URL the viewer is reachable at (for links in pages)
   * @param metrics metrics to expose and count into
   * @param health computes the /healthz answer
   * @param slackEndpoint handler of {@code POST /slack/events}, or null to not mount it (Socket
   *     Mode)
   * @param host interface to bind, e.g. "0.0.0.0" or "127.0.0.1"
   * @param port port to bind, 0 for any free port
   */
  public WebServer(
      ReportCatalog catalog,
      String publicBaseUrl,
      Metrics metrics,
      Supplier<Health> health,
      RawEndpoint slackEndpoint,
      String host,
      int port) {
    this(catalog, publicBaseUrl, null, metrics, health, slackEndpoint, host, port);
  }

  /**
   * Like the other constructor; {@code signedLinks} verifies viewer links to restricted reports
   * (null: every restricted report gets 403).
   */
  public WebServer(
      ReportCatalog catalog,
      String publicBaseUrl,
      SignedLinks signedLinks,
      Metrics metrics,
      Supplier<Health> health,
      RawEndpoint slackEndpoint,
      String host,
      int port) {
    this.viewer = new ReportViewer(catalog, publicBaseUrl, signedLinks);
    this.metrics = metrics;
    this.health = health;
    this.slackEndpoint = slackEndpoint;
    this.host = host;
    this.port = port;
    this.maxBodyBytes = 2L * 1024 * 1024;
  }

  /**
   * Adds the ask page, the library and (with {@code web.auth: slack}) sign-in; call before {@link
   * #start()}. Without it {@code /} redirects to the plain report list.
   */
  public WebServer withAsk(AskSite site) {
    this.ask = site;
    return this;
  }

  /** Starts listening; returns the bound port. */
  @Override
  public int start() {
    javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.host = host;
              config.jetty.port = port;
              config.http.maxRequestSize = maxBodyBytes;
              config.routes.get("/healthz", this::healthz);
              config.routes.get("/metrics", this::metrics);
              if (ask != null) {
                config.routes.get("/", ctx -> count(ctx, "ask", ask::ask));
                config.routes.get("/ask", ctx -> count(ctx, "ask", ask::ask));
                config.routes.get("/reports", ctx -> count(ctx, "reports", ask::library));
                config.routes.get("/login", ctx -> count(ctx, "login", ask::login));
                config.routes.get(
                    "/auth/slack/callback", ctx -> count(ctx, "login", ask::callback));
                config.routes.get("/logout", ctx -> count(ctx, "login", ask::logout));
              } else {
                config.routes.get("/reports", this::reportList);
                config.routes.get("/", ctx -> ctx.redirect("/reports"));
              }
              config.routes.get("/reports/{reportId}", this::reportPage);
              config.routes.get(
                  "/static/viewer.js",
                  ctx -> asset(ctx, "viewer.js", "text/javascript; charset=utf-8"));
              config.routes.get(
                  "/static/viewer.css", ctx -> asset(ctx, "viewer.css", "text/css; charset=utf-8"));
              if (slackEndpoint != null) {
                config.routes.post("/slack/events", this::slackEvents);
              }
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error(
                        "Unhandled error on {} {}: {}", ctx.method(), ctx.path(), e.toString());
                    metrics.errors.labelValues("web").inc();
                    ctx.status(500)
                        .contentType("text/plain; charset=utf-8")
                        .result("Internal error");
                  });
            });
    javalin.start();
    LOG.info("HTTP server listening on {}:{}", host, javalin.port());
    return javalin.port();
  }

  /** The bound port (after {@link #start()}). */
  @Override
  public int port() {
    return javalin.port();
  }

  /** Stops the server; safe to call twice. */
  @Override
  public void stop() {
    if (javalin != null) {
      javalin.stop();
      javalin = null;
    }
  }

  private void healthz(Context ctx) {
    metrics.httpRequests.labelValues("healthz").inc();
    Health h = health.get();
    com.google.gson.JsonObject body = new com.google.gson.JsonObject();
    body.addProperty("ok", h.ok());
    body.addProperty("detail", h.detail());
    if (!h.checks().isEmpty()) {
      com.google.gson.JsonObject checks = new com.google.gson.JsonObject();
      h.checks().forEach(checks::addProperty);
      body.add("checks", checks);
    }
    ctx.status(h.ok() ? 200 : 503).contentType("application/json").result(body.toString());
  }

  private void metrics(Context ctx) {
    metrics.httpRequests.labelValues("metrics").inc();
    ctx.contentType(metrics.contentType()).result(metrics.scrape());
  }

  private void reportList(Context ctx) {
    metrics.httpRequests.labelValues("reports").inc();
    page(ctx, 200, viewer.listPage());
  }

  private void count(Context ctx, String route, io.javalin.http.Handler handler) throws Exception {
    metrics.httpRequests.labelValues(route).inc();
    handler.handle(ctx);
  }

  private void reportPage(Context ctx) {
    metrics.httpRequests.labelValues("report").inc();
    java.util.List<String> allowed =
        ask == null ? java.util.List.of() : ask.allowedChannels(ask.user(ctx));
    ReportViewer.Access access =
        viewer.access(
            ctx.pathParam("reportId"), ctx.queryParam("exp"), ctx.queryParam("sig"), allowed);
    if (access == ReportViewer.Access.FORBIDDEN) {
      page(ctx, 403, viewer.forbiddenPage());
      return;
    }
    Optional<String> html =
        access == ReportViewer.Access.NOT_FOUND
            ? Optional.empty()
            : viewer.reportPage(
                ctx.pathParam("reportId"), Optional.ofNullable(ctx.queryParam("p")).orElse(""));
    if (html.isPresent()) {
      page(ctx, 200, html.get());
    } else {
      page(ctx, 404, viewer.notFoundPage(ctx.pathParam("reportId")));
    }
  }

  private static void page(Context ctx, int status, String html) {
    page(ctx, status, html, CSP);
  }

  static void page(Context ctx, int status, String html, String csp) {
    ctx.status(status)
        .header("Content-Security-Policy", csp)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .contentType("text/html; charset=utf-8")
        .result(html);
  }

  private static void asset(Context ctx, String name, String type) {
    try (InputStream in = WebServer.class.getResourceAsStream(name)) {
      if (in == null) {
        ctx.status(404);
        return;
      }
      ctx.contentType(type).header("Cache-Control", "max-age=300").result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void slackEvents(Context ctx) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name :
        ctx.req().getHeaderNames() == null
            ? List.<String>of()
            : java.util.Collections.list(ctx.req().getHeaderNames())) {
      headers.put(name, new ArrayList<>(java.util.Collections.list(ctx.req().getHeaders(name))));
    }
    Map<String, List<String>> query = new LinkedHashMap<>(ctx.queryParamMap());
    RawEndpoint.RawResponse response =
        slackEndpoint.handle(
            new RawEndpoint.RawRequest(ctx.path(), query, headers, ctx.bodyAsBytes(), ctx.ip()));
    ctx.status(response.status());
    if (!response.contentType().isEmpty()) {
      ctx.contentType(response.contentType());
    }
    response.headers().forEach((k, vs) -> vs.forEach(v -> ctx.header(k, v)));
    ctx.result(
        response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8));
  }
}
