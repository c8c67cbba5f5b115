package dev.debrief.web;

import dev.debrief.access.AccessPolicy;
import dev.debrief.answer.Answerer;
import dev.debrief.http.SignIn;
import dev.debrief.index.ReportCatalog;
import dev.debrief.model.Answer;
import dev.debrief.model.Question;
import dev.debrief.model.SearchFilters;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The pages a person asks from: {@code GET /} and {@code GET /ask?q=} (the cited answer, from the
 * {@link Answerer} Slack uses), {@code GET /reports} (the library), and with {@code web.auth:
 * slack} the OpenID Connect sign-in ({@code GET /login}, {@code GET /auth/slack/callback}, {@code
 * GET /logout}).
 *
 * <p>Access as for the viewer: without sign-in, answers and the library use unrestricted reports
 * only; a person signed in with Slack also gets the reports restricted to channels they are a
 * member of ({@link AccessPolicy#allowedChannels} as for a DM with Debrief). With {@code web.auth:
 * slack} every page but the sign-in page needs a session.
 */
public final class AskSite {
  /** How people are identified. */
  public enum Auth {
    NONE,
    SLACK
  }

  static final String STATE_COOKIE = "debrief_oauth_state";
  private static final int STATE_BYTES = 16;

  private final Answerer answerer;
  private final ReportCatalog catalog;
  private final Pages pages;
  private final Auth auth;
  private final SignIn signIn;
  private final Sessions sessions;
  private final AccessPolicy access;
  private final String indexWhere;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param answerer retrieval plus composer (the Slack app's)
   * @param catalog what is indexed
   * @param publicBaseUrl where the site is reachable; the sign-in callback is {@code
   *     {publicBaseUrl}/auth/slack/callback}
   * @param auth {@link Auth#NONE} or {@link Auth#SLACK}
   * @param signIn Slack sign-in (required for {@link Auth#SLACK}, else null)
   * @param sessions session cookies (required for {@link Auth#SLACK}, else null)
   * @param access channel membership for signed-in people (required for {@link Auth#SLACK}, else
   *     null)
   * @param indexWhere the index folder, for "nothing indexed" messages
   */
  public AskSite(
      Answerer answerer,
      ReportCatalog catalog,
      String publicBaseUrl,
      Auth auth,
      SignIn signIn,
      Sessions sessions,
      AccessPolicy access,
      String indexWhere) {
    if (auth == Auth.SLACK && (signIn == null || sessions == null || access == null)) {
      throw new IllegalArgumentException(
          "web.auth slack needs sign-in, sessions and an access policy");
    }
    this.answerer = answerer;
    this.catalog = catalog;
    this.pages = new Pages(publicBaseUrl);
    this.auth = auth;
    this.signIn = signIn;
    this.sessions = sessions;
    this.access = access;
    this.indexWhere = indexWhere;
  }

  /** The signed-in person of the request, if any. */
  Optional<SignIn.User> user(Context ctx) {
    return sessions == null ? Optional.empty() : sessions.verify(ctx.cookie(Sessions.COOKIE));
  }

  /** The channels whose restricted reports this request may use: none without sign-in. */
  List<String> allowedChannels(Optional<SignIn.User> user) {
    return user.isPresent() && access != null
        ? access.allowedChannels(null, user.get().userId(), true)
        : List.of();
  }

  /**
   * Whether the request may see pages: always without auth, with a session under {@code web.auth:
   * slack}.
   */
  private boolean admitted(Context ctx, Optional<SignIn.User> user) {
    if (auth == Auth.NONE || user.isPresent()) {
      return true;
    }
    WebServer.page(ctx, 200, signInPage(), WebServer.CSP);
    return false;
  }

  void ask(Context ctx) {
    Optional<SignIn.User> user = user(ctx);
    if (!admitted(ctx, user)) {
      return;
    }
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    Optional<Answer> answer =
        q.isEmpty()
            ? Optional.empty()
            : Optional.of(
                answerer.answer(
                    new Question(
                        q, List.of(), new SearchFilters("", "", "", allowedChannels(user)))));
    WebServer.page(
        ctx, 200, AskPage.page(pages, q, answer, user, auth == Auth.SLACK), WebServer.ASK_CSP);
  }

  void library(Context ctx) {
    Optional<SignIn.User> user = user(ctx);
    if (!admitted(ctx, user)) {
      return;
    }
    String event = Optional.ofNullable(ctx.queryParam("event")).orElse("");
    String author = Optional.ofNullable(ctx.queryParam("author")).orElse("");
    WebServer.page(
        ctx,
        200,
        LibraryPage.page(
            pages,
            catalog.list(),
            allowedChannels(user),
            event,
            author,
            user,
            auth == Auth.SLACK,
            indexWhere),
        WebServer.CSP);
  }

  /**
   * {@code GET /login}: to Slack's authorization page, with a state cookie against cross-site
   * forgery.
   */
  void login(Context ctx) {
    if (auth != Auth.SLACK) {
      ctx.redirect("/");
      return;
    }
    String state = token();
    ctx.cookie(
        new Cookie(
            STATE_COOKIE,
            state,
            "/",
            (int) java.time.Duration.ofMinutes(10).toSeconds(),
            pages.publicBaseUrl().startsWith("https://"),
            true,
            null,
            SameSite.LAX));
    ctx.redirect(signIn.authorizeUrl(state, token(), callbackUrl()));
  }

  /**
   * {@code GET /auth/slack/callback?code=&state=}: exchanges the code, sets the session, back to
   * the ask page.
   */
  void callback(Context ctx) {
    if (auth != Auth.SLACK) {
      ctx.redirect("/");
      return;
    }
    String state = ctx.queryParam("state");
    String expected = ctx.cookie(STATE_COOKIE);
    ctx.removeCookie(STATE_COOKIE, "/");
    if (ctx.queryParam("error") != null) {
      WebServer.page(
          ctx,
          403,
          message(
              "Sign-in was cancelled",
              "Slack said: " + ctx.queryParam("error") + ". Try again from the sign-in page."),
          WebServer.CSP);
      return;
    }
    if (state == null
        || expected == null
        || !java.security.MessageDigest.isEqual(
            state.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            expected.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      WebServer.page(
          ctx,
          400,
          message(
              "Sign-in expired",
              "The sign-in did not start here or took longer than ten" + " minutes. Start again."),
          WebServer.CSP);
      return;
    }
    try {
      SignIn.User user =
          signIn.exchange(Optional.ofNullable(ctx.queryParam("code")).orElse(""), callbackUrl());
      ctx.cookie(
          new Cookie(
              Sessions.COOKIE,
              sessions.issue(user),
              "/",
              (int) Sessions.LIFETIME.toSeconds(),
              pages.publicBaseUrl().startsWith("https://"),
              true,
              null,
              SameSite.LAX));
      ctx.redirect("/");
    } catch (SignIn.SignInException e) {
      WebServer.page(ctx, 502, message("Sign-in failed", e.getMessage()), WebServer.CSP);
    }
  }

  void logout(Context ctx) {
    ctx.removeCookie(Sessions.COOKIE, "/");
    ctx.redirect("/");
  }

  private String callbackUrl() {
    return pages.publicBaseUrl() + "/auth/slack/callback";
  }

  private String token() {
    byte[] b = new byte[STATE_BYTES];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private String signInPage() {
    Document doc = pages.shell("Sign in · Debrief", Optional.empty(), false);
    Element main = doc.body().appendElement("main");
    main.appendElement("h1").attr("id", "sign-in").text("Sign in to ask the reports");
    main.appendElement("p")
        .text(
            "Debrief answers from the reports you may see in Slack: those open to everyone"
                + " and those shared in channels you are a member of.");
    main.appendElement("a")
        .addClass("signin")
        .attr("id", "sign-in-with-slack")
        .attr("href", "/login")
        .text("Sign in with Slack");
    return Pages.html(doc);
  }

  private String message(String title, String text) {
    Document doc = pages.shell(title + " · Debrief", Optional.empty(), false);
    Element main = doc.body().appendElement("main");
    main.appendElement("h1").attr("id", "message").text(title);
    main.appendElement("p").text(text);
    main.appendElement("a").addClass("signin").attr("href", "/login").text("Sign in with Slack");
    return Pages.html(doc);
  }
}
