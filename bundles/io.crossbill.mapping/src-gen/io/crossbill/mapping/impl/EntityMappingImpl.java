/**
 */
package io.crossbill.mapping.impl;

import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingPackage;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Entity Mapping</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.crossbill.mapping.impl.EntityMappingImpl#getSourceEntity <em>Source Entity</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.EntityMappingImpl#getTargetEntity <em>Target Entity</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.EntityMappingImpl#getArrayPath <em>Array Path</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.EntityMappingImpl#getRules <em>Rules</em>}</li>
 * </ul>
 *
 * @generated
 */
public class EntityMappingImpl extends MinimalEObjectImpl.Container implements EntityMapping {
	/**
	 * The default value of the '{@link #getSourceEntity() <em>Source Entity</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceEntity()
	 * @generated
	 * @ordered
	 */
	protected static final String SOURCE_ENTITY_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getSourceEntity() <em>Source Entity</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceEntity()
	 * @generated
	 * @ordered
	 */
	protected String sourceEntity = SOURCE_ENTITY_EDEFAULT;

	/**
	 * The default value of the '{@link #getTargetEntity() <em>Target Entity</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTargetEntity()
	 * @generated
	 * @ordered
	 */
	protected static final String TARGET_ENTITY_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getTargetEntity() <em>Target Entity</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTargetEntity()
	 * @generated
	 * @ordered
	 */
	protected String targetEntity = TARGET_ENTITY_EDEFAULT;

	/**
	 * The default value of the '{@link #getArrayPath() <em>Array Path</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getArrayPath()
	 * @generated
	 * @ordered
	 */
	protected static final String ARRAY_PATH_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getArrayPath() <em>Array Path</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getArrayPath()
	 * @generated
	 * @ordered
	 */
	protected String arrayPath = ARRAY_PATH_EDEFAULT;

	/**
	 * The cached value of the '{@link #getRules() <em>Rules</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getRules()
	 * @generated
	 * @ordered
	 */
	protected EList<FieldRule> rules;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected EntityMappingImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MappingPackage.Literals.ENTITY_MAPPING;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getSourceEntity() {
		return sourceEntity;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSourceEntity(String newSourceEntity) {
		String oldSourceEntity = sourceEntity;
		sourceEntity = newSourceEntity;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.ENTITY_MAPPING__SOURCE_ENTITY, oldSourceEntity, sourceEntity));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getTargetEntity() {
		return targetEntity;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setTargetEntity(String newTargetEntity) {
		String oldTargetEntity = targetEntity;
		targetEntity = newTargetEntity;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.ENTITY_MAPPING__TARGET_ENTITY, oldTargetEntity, targetEntity));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getArrayPath() {
		return arrayPath;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setArrayPath(String newArrayPath) {
		String oldArrayPath = arrayPath;
		arrayPath = newArrayPath;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.ENTITY_MAPPING__ARRAY_PATH, oldArrayPath, arrayPath));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<FieldRule> getRules() {
		if (rules == null) {
			rules = new EObjectContainmentEList<FieldRule>(FieldRule.class, this, MappingPackage.ENTITY_MAPPING__RULES);
		}
		return rules;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case MappingPackage.ENTITY_MAPPING__RULES:
				return ((InternalEList<?>)getRules()).basicRemove(otherEnd, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case MappingPackage.ENTITY_MAPPING__SOURCE_ENTITY:
				return getSourceEntity();
			case MappingPackage.ENTITY_MAPPING__TARGET_ENTITY:
				return getTargetEntity();
			case MappingPackage.ENTITY_MAPPING__ARRAY_PATH:
				return getArrayPath();
			case MappingPackage.ENTITY_MAPPING__RULES:
				return getRules();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case MappingPackage.ENTITY_MAPPING__SOURCE_ENTITY:
				setSourceEntity((String)newValue);
				return;
			case MappingPackage.ENTITY_MAPPING__TARGET_ENTITY:
				setTargetEntity((String)newValue);
				return;
			case MappingPackage.ENTITY_MAPPING__ARRAY_PATH:
				setArrayPath((String)newValue);
				return;
			case MappingPackage.ENTITY_MAPPING__RULES:
				getRules().clear();
				getRules().addAll((Collection<? extends FieldRule>)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case MappingPackage.ENTITY_MAPPING__SOURCE_ENTITY:
				setSourceEntity(SOURCE_ENTITY_EDEFAULT);
				return;
			case MappingPackage.ENTITY_MAPPING__TARGET_ENTITY:
				setTargetEntity(TARGET_ENTITY_EDEFAULT);
				return;
			case MappingPackage.ENTITY_MAPPING__ARRAY_PATH:
				setArrayPath(ARRAY_PATH_EDEFAULT);
				return;
			case MappingPackage.ENTITY_MAPPING__RULES:
				getRules().clear();
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case MappingPackage.ENTITY_MAPPING__SOURCE_ENTITY:
				return SOURCE_ENTITY_EDEFAULT == null ? sourceEntity != null : !SOURCE_ENTITY_EDEFAULT.equals(sourceEntity);
			case MappingPackage.ENTITY_MAPPING__TARGET_ENTITY:
				return TARGET_ENTITY_EDEFAULT == null ? targetEntity != null : !TARGET_ENTITY_EDEFAULT.equals(targetEntity);
			case MappingPackage.ENTITY_MAPPING__ARRAY_PATH:
				return ARRAY_PATH_EDEFAULT == null ? arrayPath != null : !ARRAY_PATH_EDEFAULT.equals(arrayPath);
			case MappingPackage.ENTITY_MAPPING__RULES:
				return rules != null && !rules.isEmpty();
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (sourceEntity: ");
		result.append(sourceEntity);
		result.append(", targetEntity: ");
		result.append(targetEntity);
		result.append(", arrayPath: ");
		result.append(arrayPath);
		result.append(')');
		return result.toString();
	}

} //EntityMappingImpl
