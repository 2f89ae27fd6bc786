package io.databridge.relation;

import io.databridge.repository.Fetch;
import io.databridge.repository.PgRepository;
import java.util.List;

public interface PetRepository extends PgRepository<Pet, Long> {

    List<Pet> findByOwnerLastName(String lastName);

    List<Pet> findByOwnerId(Long ownerId);

    List<Pet> findByOwner(Owner owner);

    long countByOwnerLastNameStartingWith(String prefix);

    @Fetch({"owner", "visits"})
    List<Pet> findByNameStartingWith(String prefix);
}
