package io.databridge.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the sample service: {@code ./mvnw -pl sample-app -am spring-boot:run}. */
@SpringBootApplication
public class SampleApplication {

    /**
     * Runs the service.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
