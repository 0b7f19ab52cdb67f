package tochka.acquiring.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import tochka.acquiring.testkit.ResponseCheck;

/** Every client of the kit in the server's tests holds its answers to the bank's contract: the check is registered. */
class BankContractCheckTest {

    @Test
    void the_kit_finds_the_bank_contract_check() {
        assertThat(ServiceLoader.load(ResponseCheck.class).stream().map(ServiceLoader.Provider::type))
                .contains(BankContractCheck.class);
    }
}
