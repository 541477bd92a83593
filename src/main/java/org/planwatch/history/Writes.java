package org.planwatch.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.planwatch.common.http.ETags;

/**
 * The write path, once: every create, update and delete of the data goes through here, inside its service's
 * transaction. In order: it takes the writes' lock (see {@link History}) before anything is read; reads the resource
 * as GET shows it; notes the current statuses of the plans the write may change; checks If-Match against that
 * representation; makes the change; and records it in the change feed (with the status changes it caused) and in
 * the audit trail. The services say what to read and what to change; the resources answer with what it returns.
 */
@ApplicationScoped
public class Writes {

    @Inject
    History history;

    @Inject
    ETags etags;

    @Inject
    EntityManager em;

    /**
     * What a write is about, as the change feed and the audit trail name it: the kind of resource, its API path, the
     * plan it belongs to (null for evaluators), the plans whose measures' statuses it may change, and its
     * representation (null when it does not exist yet).
     */
    public record Subject<T>(String resource, String path, String plan, List<String> watched, T representation) {

        public static <T> Subject<T> of(String resource, String path, String plan, T representation) {
            return new Subject<>(resource, path, plan, plan == null ? List.of() : List.of(plan), representation);
        }

        /** The same subject, watching the statuses of these plans (an evaluator's evaluations may be in several). */
        public Subject<T> watching(List<String> plans) {
            return new Subject<>(resource, path, plan, plans, representation);
        }
    }

    /** A written resource, and whether the write created it. */
    public record Written<T>(T view, boolean created) {}

    /**
     * Creates something in {@code plan} (null for no plan): {@code create} checks and persists it, {@code read} reads
     * it back, once flushed, as GET shows it.
     */
    public <E, T> T create(String plan, Supplier<E> create, Function<E, Subject<T>> read) {
        History.Write write = history.begin(plan);
        E created = create.get();
        em.flush();
        Subject<T> subject = read.apply(created);
        history.record(write, Change.Kind.CREATED, subject.resource(), subject.path(), null, subject.representation());
        return subject.representation();
    }

    /** Updates what {@code read} reads (a 404 when it does not exist), if If-Match names it; {@code change} may still refuse it. */
    public <T> T update(String ifMatch, Supplier<Subject<T>> read, Runnable change) {
        Written<T> written = put(ifMatch, read, change);
        return written.view();
    }

    /**
     * Creates or replaces what {@code read} reads: its representation is null when it does not exist, and then
     * the write creates it (If-Match, if any, was refused by {@code read}); otherwise If-Match must name it.
     */
    public <T> Written<T> put(String ifMatch, Supplier<Subject<T>> read, Runnable change) {
        history.lock();
        Subject<T> before = read.get();
        History.Write write = history.begin(before.plan(), before.watched());
        if (before.representation() != null) {
            etags.requireMatch(ifMatch, before.representation());
        }
        change.run();
        em.flush();
        Subject<T> after = read.get();
        boolean created = before.representation() == null;
        history.record(
                write,
                created ? Change.Kind.CREATED : Change.Kind.UPDATED,
                after.resource(),
                after.path(),
                before.representation(),
                after.representation());
        return new Written<>(after.representation(), created);
    }

    /** Deletes what {@code read} reads, if If-Match names it: {@code delete} gets its representation, and may refuse (a 409, say). */
    public <T> void delete(String ifMatch, Supplier<Subject<T>> read, Consumer<T> delete) {
        history.lock();
        Subject<T> before = read.get();
        if (before.representation() == null) {
            throw new IllegalStateException("Nothing to delete at " + before.path());
        }
        History.Write write = history.begin(before.plan(), before.watched());
        etags.requireMatch(ifMatch, before.representation());
        delete.accept(before.representation());
        history.record(write, Change.Kind.DELETED, before.resource(), before.path(), before.representation(), null);
    }

    /**
     * For what is not public data (API keys): the writes' lock, taken before anything is read. Such writes are
     * recorded with {@link #audit} only.
     */
    public void lock() {
        history.lock();
    }

    /** Records a write in the audit trail only, not in the public change feed. */
    public void audit(Change.Kind action, String path, Object before, Object after) {
        history.audit(action, path, before, after);
    }
}
