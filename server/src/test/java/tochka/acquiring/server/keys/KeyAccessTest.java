package tochka.acquiring.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tochka.acquiring.api.Permission;

/** The guide's eight accesses and the spec's permission names they grant. */
class KeyAccessTest {

    @Test
    void the_guides_two_required_accesses_give_all_that_acquiring_and_webhooks_need() {
        assertThat(KeyAccess.requiredOnes()).containsExactly(KeyAccess.ACCOUNT_DETAILS, KeyAccess.PAYMENT_LINKS);
        assertThat(KeyAccess.PAYMENT_LINKS.permissions()).containsAll(Permission.ACQUIRING);
        assertThat(KeyAccess.permissionsOf(KeyAccess.requiredOnes()))
                .containsAll(Permission.ACQUIRING)
                .contains(Permission.ReadAccountsBasic, Permission.ReadAccountsDetail);
    }

    @Test
    void a_keys_page_lists_the_accesses_whose_every_permission_it_holds() {
        Set<Permission> demo = Set.copyOf(Permission.ACQUIRING);
        assertThat(KeyAccess.grantedBy(demo)).containsExactly(KeyAccess.PAYMENT_LINKS);
        assertThat(KeyAccess.grantedBy(KeyAccess.permissionsOf(EnumSet.allOf(KeyAccess.class))))
                .containsExactly(KeyAccess.values());
    }

    @Test
    void the_eight_grant_no_1c_invoice_or_customer_making_permission() {
        assertThat(KeyAccess.values()).hasSize(8);
        assertThat(KeyAccess.permissionsOf(EnumSet.allOf(KeyAccess.class)))
                .doesNotContain(
                        Permission.ReadSBPData1C,
                        Permission.EditSBPData1C,
                        Permission.ManageInvoiceData,
                        Permission.MakeCustomer);
    }
}
