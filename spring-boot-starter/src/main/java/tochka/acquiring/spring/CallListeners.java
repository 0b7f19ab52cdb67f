package tochka.acquiring.spring;

import java.util.List;
import tochka.acquiring.client.CallEvent;
import tochka.acquiring.client.CallListener;

/** Several {@link CallListener} beans as one: each hears every call, even when one before it throws. */
final class CallListeners implements CallListener {

    private final List<CallListener> listeners;

    CallListeners(List<CallListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void callEnded(CallEvent event) {
        for (CallListener listener : listeners) {
            try {
                listener.callEnded(event);
            } catch (RuntimeException e) {
                // As the client does with a single listener's: a metrics hook must not change a call's outcome.
            }
        }
    }
}
