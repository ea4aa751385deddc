/**
 * Writing to JSON-over-HTTP targets with the JDK's {@code HttpClient}, and the rules that turn a target's
 * HTTP answer into a {@link io.crossbill.engine.api.WriteResult} (what is retried, what is final).
 */
package io.crossbill.delivery.http;
