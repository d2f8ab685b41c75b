package dev.slowfast.blocking.contacts;

import java.util.List;
import java.util.OptionalLong;

/** One page of contacts and, when more follow, the {@code seq} to continue after. */
public record ContactPage(List<Contact> contacts, OptionalLong nextAfterSeq) {
}
