package tochka.acquiring.server.keys;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tochka.acquiring.api.Permission;

/**
 * The eight accesses of the guide's "Доступы" step, in the guide's order, each with the spec's permission names it
 * grants (the {@code security} blocks of the bank's OpenAPI document). Two are required, as the guide says:
 * {@link #ACCOUNT_DETAILS} and {@link #PAYMENT_LINKS}; the latter gives all that acquiring and its webhooks need
 * ({@link Permission#ACQUIRING}). The console's texts for each are {@code keys.access.<name>} and its hint
 * {@code keys.access.<name>.hint}.
 */
public enum KeyAccess {
    /** "Проверка остатка по спецсчёту": the tender special account and its guarantees. */
    SPECIAL_ACCOUNT_BALANCE(false, Permission.ManageGuarantee),
    /** "Создание платежей": payments created for signing in the internet bank. */
    PAYMENT_CREATION(false, Permission.CreatePaymentForSign),
    /** "Подписание платежей": payment orders signed from the service. */
    PAYMENT_SIGNING(false, Permission.CreatePaymentOrder),
    /** "Просмотр реквизитов": the accounts' details and the customers (companies) themselves. */
    ACCOUNT_DETAILS(true, Permission.ReadAccountsBasic, Permission.ReadAccountsDetail, Permission.ReadCustomerData),
    /** "Работа с Системой быстрых платежей": companies, retailers and QR codes in SBP. */
    SBP(false, Permission.ReadSBPData, Permission.EditSBPData),
    /** "Просмотр остатка по счёту": balances. */
    ACCOUNT_BALANCE(false, Permission.ReadBalances),
    /** "Получение выписок": statements and the transactions in them. */
    STATEMENTS(
            false,
            Permission.ReadStatements,
            Permission.ReadTransactionsBasic,
            Permission.ReadTransactionsCredits,
            Permission.ReadTransactionsDebits,
            Permission.ReadTransactionsDetail),
    /** "Создание ссылки на оплату картой и через СБП": payment links, refunds, retailers, and webhooks. */
    PAYMENT_LINKS(
            true,
            Permission.ReadCustomerData,
            Permission.ReadAcquiringData,
            Permission.MakeAcquiringOperation,
            Permission.ManageWebhookData);

    private final boolean required;
    private final Set<Permission> permissions;

    KeyAccess(boolean required, Permission first, Permission... more) {
        this.required = required;
        this.permissions = Set.copyOf(EnumSet.of(first, more));
    }

    /** Whether a key cannot be made without this access (the guide's two bold ones). */
    public boolean required() {
        return required;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** The accesses a key must have. */
    public static Set<KeyAccess> requiredOnes() {
        EnumSet<KeyAccess> required = EnumSet.noneOf(KeyAccess.class);
        for (KeyAccess access : values()) if (access.required) required.add(access);
        return required;
    }

    /** Every permission {@code accesses} grant together. */
    public static Set<Permission> permissionsOf(Collection<KeyAccess> accesses) {
        EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
        accesses.forEach(access -> granted.addAll(access.permissions));
        return granted;
    }

    /** The accesses whose every permission {@code permissions} hold, in the guide's order: what a key's page lists. */
    public static List<KeyAccess> grantedBy(Set<Permission> permissions) {
        return EnumSet.allOf(KeyAccess.class).stream()
                .filter(access -> permissions.containsAll(access.permissions))
                .toList();
    }
}
