#pragma once
// Fills a Model entity by entity. References may name ids defined later: intern() gives every
// id its Ref at first mention, add() defines it. Private to the library.
#include <optional>
#include <string_view>

#include "clearpath/model.hpp"

namespace clearpath {

class ModelBuilder {
 public:
  ModelBuilder();

  Ref intern(std::string_view id);
  // Define an entity; false (and nothing stored) when its id is already defined.
  bool add(Person p);
  bool add(Department d);
  bool add(System s);
  bool add(Initiative i);
  bool add(Approval a);
  bool add(Step s);

  std::size_t interned_count() const noexcept;
  const std::string& id(Ref r) const;
  std::optional<EntityKind> defined_kind(Ref r) const;
  std::optional<Ref> find(std::string_view id) const;

  // The model so far. Its entity accessors work; its relation graph is empty until finish().
  const Model& model() const noexcept { return model_; }
  Model& model() noexcept { return model_; }

  // The finished model (its relation graph is built on first use). Every interned id must be
  // defined.
  Model finish() &&;

 private:
  template <class E>
  bool define(std::vector<E>& list, EntityKind kind, E e);
  Model model_;
};

}  // namespace clearpath
