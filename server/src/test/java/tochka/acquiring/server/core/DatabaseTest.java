package tochka.acquiring.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://db.example/tochka                                   | jdbc:postgresql://db.example/tochka
            jdbc:postgresql://db.example/tochka?user=acq&password=secret          | jdbc:postgresql://db.example/tochka?user=acq
            jdbc:postgresql://db.example/tochka?password=secret&ssl=true          | jdbc:postgresql://db.example/tochka?ssl=true
            jdbc:postgresql://db.example/tochka?password=secret                   | jdbc:postgresql://db.example/tochka
            jdbc:postgresql://db.example/t?sslpassword=k&PASSWORD=s&user=a        | jdbc:postgresql://db.example/t?user=a
            jdbc:postgresql://acq:secret@db.example:5432/tochka                   | jdbc:postgresql://db.example:5432/tochka
            """)
    void a_url_is_shown_without_its_password(String url, String shown) {
        assertThat(Database.withoutPassword(url)).isEqualTo(shown);
    }
}
