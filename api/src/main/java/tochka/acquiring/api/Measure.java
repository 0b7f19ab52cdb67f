package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code Measure} of a receipt item; every value but {@code м3} ends in a dot, as the spec spells them. */
public enum Measure {
    @JsonProperty("г.")
    GRAM,
    @JsonProperty("кг.")
    KILOGRAM,
    @JsonProperty("т.")
    TONNE,
    @JsonProperty("см.")
    CENTIMETRE,
    @JsonProperty("дм.")
    DECIMETRE,
    @JsonProperty("м.")
    METRE,
    @JsonProperty("см2.")
    SQUARE_CENTIMETRE,
    @JsonProperty("дм2.")
    SQUARE_DECIMETRE,
    @JsonProperty("м2.")
    SQUARE_METRE,
    @JsonProperty("мл.")
    MILLILITRE,
    @JsonProperty("л.")
    LITRE,
    @JsonProperty("м3")
    CUBIC_METRE,
    @JsonProperty("кВт.ч.")
    KILOWATT_HOUR,
    @JsonProperty("Гкал.")
    GIGACALORIE,
    @JsonProperty("дн.")
    DAY,
    @JsonProperty("ч.")
    HOUR,
    @JsonProperty("мин.")
    MINUTE,
    @JsonProperty("сек.")
    SECOND,
    @JsonProperty("Кб.")
    KILOBYTE,
    @JsonProperty("Мб.")
    MEGABYTE,
    @JsonProperty("Гб.")
    GIGABYTE,
    @JsonProperty("Тб.")
    TERABYTE,
    @JsonProperty("шт.")
    PIECE
}
