/**
 * Settings: {@link dev.debrief.config.DebriefConfig}, read with Gson from {@code
 * config/debrief.json}. Every setting has a default; an unknown key is an error naming it. Secrets
 * (tokens, API keys) never live here: they come only from the environment.
 */
package dev.debrief.config;
