package dev.slowfast.reactive.contacts;

import java.time.Instant;
import java.util.UUID;

/** A stored contact. {@code seq} gives creation order and backs the paging cursor; clients never see it. */
public record Contact(UUID id, long seq, String name, String email, String phone, Instant createdAt) {
}
