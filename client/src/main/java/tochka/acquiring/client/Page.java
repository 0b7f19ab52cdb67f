package tochka.acquiring.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a list the bank answers in pages, and the way to the next: {@link #next()} fetches it, and
 * {@link #autoPagingIterable()} or {@link #stream()} walk every item of this page and all that follow, fetching each
 * page when the one before is used up.
 *
 * @param <T> what the list holds
 */
public final class Page<T> {

    private final List<T> items;
    private final int number;
    private final int totalPages;
    private final IntFunction<CompletableFuture<Page<T>>> fetch;
    private final String call;

    Page(List<T> items, int number, int totalPages, IntFunction<CompletableFuture<Page<T>>> fetch, String call) {
        this.items = List.copyOf(items);
        this.number = number;
        this.totalPages = totalPages;
        this.fetch = fetch;
        this.call = call;
    }

    /** The items of this page, in the bank's order (the newest payment first). */
    public List<T> items() {
        return items;
    }

    /** This page's number, from 1. */
    public int number() {
        return number;
    }

    /** How many pages the whole list has now ({@code Meta.totalPages}). */
    public int totalPages() {
        return totalPages;
    }

    /** Whether a page follows this one. */
    public boolean hasNext() {
        return number < totalPages;
    }

    /**
     * The page after this one.
     *
     * @throws NoSuchElementException when this is the last
     */
    public Page<T> next() {
        return Transport.block(this::nextAsync, call);
    }

    /** The page after this one, fetched asynchronously; fails with {@link NoSuchElementException} after the last. */
    public CompletableFuture<Page<T>> nextAsync() {
        if (!hasNext())
            return CompletableFuture.failedFuture(new NoSuchElementException("page " + number + " is the last"));
        return fetch.apply(number + 1);
    }

    /** Every item from this page on, fetching later pages as the iteration reaches them. */
    public Iterable<T> autoPagingIterable() {
        return () -> new Iterator<>() {
            private Page<T> page = Page.this;
            private int index;

            @Override
            public boolean hasNext() {
                while (index >= page.items.size()) {
                    if (!page.hasNext()) return false;
                    page = page.next();
                    index = 0;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                return page.items.get(index++);
            }
        };
    }

    /** {@link #autoPagingIterable()} as a sequential stream. */
    public Stream<T> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(autoPagingIterable().iterator(), Spliterator.ORDERED), false);
    }
}
