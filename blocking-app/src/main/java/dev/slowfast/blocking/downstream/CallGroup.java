package dev.slowfast.blocking.downstream;

import dev.slowfast.rules.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The downstream calls of one incoming request, which fail and are cancelled together: the first failure is the
 * request's answer, and cancelling runs every action registered so far (abort a Jetty request, drop a queued
 * fan-out task) and, at once, any registered later. Thread-safe: calls, the request thread and the disconnect
 * watcher all use it.
 */
final class CallGroup {

    private final List<Runnable> onCancel = new ArrayList<>();
    private ApiProblem failure;
    private boolean cancelled;

    /** Runs {@code action} when the group is cancelled; at once if it already is. */
    void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                onCancel.add(action);
                return;
            }
        }
        action.run();
    }

    /** Records {@code problem} unless a failure came first, cancels the rest, and returns the first failure. */
    ApiProblem fail(ApiProblem problem) {
        synchronized (this) {
            if (failure == null) {
                failure = problem;
            }
        }
        cancel();
        return failure();
    }

    void cancel() {
        List<Runnable> actions;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            actions = List.copyOf(onCancel);
            onCancel.clear();
        }
        actions.forEach(Runnable::run); // outside the lock: an abort completes listeners that call back in here
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    /** The first failure; a group cancelled without one (a bug elsewhere) reads as downstream unavailable. */
    synchronized ApiProblem failure() {
        return failure != null ? failure : ApiProblem.downstreamUnavailable();
    }

    synchronized Optional<ApiProblem> firstFailure() {
        return Optional.ofNullable(failure);
    }
}
