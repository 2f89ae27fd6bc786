package io.databridge.relation;

import io.databridge.repository.Fetch;
import io.databridge.repository.PgRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

public interface OwnerRepository extends PgRepository<Owner, Long> {

    @Override
    @Fetch({"pets", "pets.visits"})
    List<Owner> findAll();

    long countByPetsNameStartingWith(String prefix);

    List<Owner> findByPetsName(String name);

    @Override
    @Fetch("pets")
    Page<Owner> findAll(Pageable pageable);

    @Override
    @Fetch("pets.type")
    Optional<Owner> findById(Long id);
}
