package dev.slowfast.reactive;

import dev.slowfast.reactive.config.AppConfig;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/** The Spring Boot application: auto-configured WebFlux on Reactor Netty plus our components. */
@SpringBootApplication(proxyBeanMethods = false) // no CGLIB proxy: nothing here calls a @Bean method
public class ReactiveApplication {

    /** The port comes from our config record (PORT), not from Spring's server.port. */
    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> portFromConfig(AppConfig config) {
        return factory -> factory.setPort(config.port());
    }
}
