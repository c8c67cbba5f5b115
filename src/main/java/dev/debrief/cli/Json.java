package dev.debrief.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The Gson instance for CLI output: no HTML escaping, compact. */
final class Json {
  private Json() {}

  static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();
}
