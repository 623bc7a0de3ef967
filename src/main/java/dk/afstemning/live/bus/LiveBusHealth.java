package dk.afstemning.live.bus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness ({@code /q/health/ready}) of the live bus: DOWN while an instance that should listen on the bus does not
 * (Redis unreachable, the listening connection to PostgreSQL lost), since its phones and screens would miss what
 * happens on the other instances. A load balancer then sends new requests and sockets to the instances that listen;
 * once this one listens again it resynchronises its own sockets and is ready. Always UP with
 * {@code afstemning.live.bus=none}.
 */
@Readiness
@ApplicationScoped
public class LiveBusHealth implements HealthCheck {

    @Inject
    LiveBus bus;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("live bus")
                .status(!bus.active() || bus.connected())
                .withData("engine", bus.engine())
                .withData("instance", bus.instance())
                .build();
    }
}
