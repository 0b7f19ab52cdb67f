package tochka.acquiring.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * A TLS context that trusts what the JDK trusts and a few more root certificates: the bank's {@code enter.tochka.com}
 * chains to the Russian Trusted Root CA, which the JDK's {@code cacerts} lacks, so a plain JDK fails with
 * {@code PKIX path building failed}. Give the CA's PEM (or DER) file, and hand the result to
 * {@link TochkaClient.Builder#sslContext}; the JDK's own trust store is left as it is.
 */
public final class TrustedCertificates {

    private TrustedCertificates() {}

    /**
     * A TLS context trusting the JDK's roots and the certificates in {@code files} (PEM or DER, one or more each).
     *
     * @throws IllegalArgumentException when a file holds no certificate or can't be read
     */
    public static SSLContext withExtra(Path... files) {
        List<X509Certificate> extra = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                extra.addAll(read(in, file.toString()));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (X509Certificate certificate : extra) store.setCertificateEntry("extra-" + index++, certificate);
            X509TrustManager own = trustManager(store);
            X509TrustManager jdk = trustManager(null);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new EitherTrustManager(jdk, own)}, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> read(InputStream in, String name) {
        try {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> x509 = new ArrayList<>();
            for (Certificate certificate : certificates) {
                if (certificate instanceof X509Certificate x509Certificate) x509.add(x509Certificate);
            }
            if (x509.isEmpty()) throw new IllegalArgumentException(name + " holds no X.509 certificate");
            return x509;
        } catch (CertificateException e) {
            throw new IllegalArgumentException(name + " is not a certificate file: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(@Nullable KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509Manager) return x509Manager;
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusts a server chain that either the JDK's roots or the extra ones vouch for. */
    private static final class EitherTrustManager implements X509TrustManager {
        private final X509TrustManager jdk;
        private final X509TrustManager extra;

        EitherTrustManager(X509TrustManager jdk, X509TrustManager extra) {
            this.jdk = jdk;
            this.extra = extra;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                jdk.checkServerTrusted(chain, authType);
            } catch (CertificateException notByJdk) {
                extra.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            jdk.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = jdk.getAcceptedIssuers();
            X509Certificate[] b = extra.getAcceptedIssuers();
            X509Certificate[] all = new X509Certificate[a.length + b.length];
            System.arraycopy(a, 0, all, 0, a.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
