package tochka.acquiring.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a {@link TochkaPropertiesException} at startup as Spring Boot's "description" and "action". */
final class TochkaPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<TochkaPropertiesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TochkaPropertiesException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
