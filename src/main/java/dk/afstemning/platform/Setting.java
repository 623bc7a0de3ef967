package dk.afstemning.platform;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A named value the app keeps across restarts, such as the generated organiser key. */
@Entity
public class Setting extends PanacheEntityBase {

    @Id
    @Column(name = "setting_key")
    public String name;

    @Column(name = "setting_value")
    public String value;

    public static Optional<String> get(String name) {
        return Setting.<Setting>findByIdOptional(name).map(s -> s.value);
    }
}
