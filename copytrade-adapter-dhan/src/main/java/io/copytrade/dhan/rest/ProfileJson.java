package io.copytrade.dhan.rest;

/** {@code GET profile}. */
record ProfileJson(String dhanClientId, String tokenValidity, String activeSegment) {}
